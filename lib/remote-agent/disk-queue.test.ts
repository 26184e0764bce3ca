import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import type { AgentResult } from "../agents/protocol-v1";
import { DiskQueue } from "./disk-queue";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-queue-"));
  dirs.push(dir);
  return dir;
}

function result(n: number): AgentResult {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    check: "0b0f5c1e-1d2a-4c55-9a57-6a7b8c9d0e01",
    due: 1_700_000_000_000 + n * 60_000,
    result: {
      date: new Date(1_700_000_000_000 + n * 60_000).toISOString(),
      region: "eu-west",
      status: "healthy",
      rtt_ms: 1,
      notice: null,
      error: null,
      http_status: 200,
      cert_expires: null,
      cert_issuer: null,
      resolved_ip: "127.0.0.1",
      evidence: null,
      attempts: [],
    },
  };
}

async function fill(queue: DiskQueue, from: number, to: number): Promise<void> {
  for (let n = from; n < to; n++) queue.append(result(n));
  await queue.flush();
}

const numbers = (batch: { results: AgentResult[] } | null) => (batch?.results ?? []).map((r) => Number(r.id.slice(-12)));

describe("DiskQueue", () => {
  test("keeps unacknowledged results across a reopen, in order", async () => {
    const dir = tempDir();
    const queue = await DiskQueue.open({ dir, maxQueued: 100 });
    await fill(queue, 0, 10);
    const batch = await queue.readBatch(4, 1e6);
    expect(numbers(batch)).toEqual([0, 1, 2, 3]);
    await queue.ack(batch?.end ?? 0);
    await queue.close();

    const reopened = await DiskQueue.open({ dir, maxQueued: 100 });
    expect(reopened.length).toBe(6);
    expect(numbers(await reopened.readBatch(100, 1e6))).toEqual([4, 5, 6, 7, 8, 9]);
    await reopened.close();
  });

  test("drops the oldest results first when full, and the drop total survives a reopen", async () => {
    const dir = tempDir();
    const queue = await DiskQueue.open({ dir, maxQueued: 5 });
    await fill(queue, 0, 12);
    expect(queue.length).toBe(5);
    expect(queue.dropped).toBe(7);
    await queue.close();

    const reopened = await DiskQueue.open({ dir, maxQueued: 5 });
    expect(reopened.dropped).toBe(7);
    expect(numbers(await reopened.readBatch(100, 1e6))).toEqual([7, 8, 9, 10, 11]);
    await fill(reopened, 12, 14);
    expect(reopened.dropped).toBe(9);
    await reopened.close();
  });

  test("cuts off a line a crash left half-written", async () => {
    const dir = tempDir();
    const queue = await DiskQueue.open({ dir, maxQueued: 100 });
    await fill(queue, 0, 3);
    await queue.close();
    const segment = path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith(".jsonl")) ?? "");
    fs.appendFileSync(segment, JSON.stringify(result(3)).slice(0, 40));

    const reopened = await DiskQueue.open({ dir, maxQueued: 100 });
    expect(reopened.length).toBe(3);
    await fill(reopened, 3, 5);
    expect(numbers(await reopened.readBatch(100, 1e6))).toEqual([0, 1, 2, 3, 4]);
    await reopened.close();
  });

  test("removes acknowledged results from disk, segment by segment", async () => {
    const dir = tempDir();
    const queue = await DiskQueue.open({ dir, maxQueued: 10_000 });
    await fill(queue, 0, 2500);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".jsonl"))).toHaveLength(3);
    for (let batch = await queue.readBatch(500, 2e6); batch; batch = await queue.readBatch(500, 2e6)) await queue.ack(batch.end);
    expect(queue.length).toBe(0);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".jsonl"))).toEqual([]);
    await fill(queue, 2500, 2502);
    expect(numbers(await queue.readBatch(10, 1e6))).toEqual([2500, 2501]);
    await queue.close();
  });

  test("limits a batch by size as well as by count", async () => {
    const queue = await DiskQueue.open({ dir: tempDir(), maxQueued: 100 });
    await fill(queue, 0, 10);
    const oneLine = JSON.stringify(result(0)).length + 1;
    expect(numbers(await queue.readBatch(100, oneLine * 3))).toEqual([0, 1, 2]);
    await queue.close();
  });

  test("refuses a folder another running agent holds", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "agent.lock"), String(process.ppid));
    await expect(DiskQueue.open({ dir, maxQueued: 10 })).rejects.toThrow(/another vigil agent/);
  });
});
