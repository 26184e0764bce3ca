// The agent's results on their way to the server, on disk first: a result is sent only once it
// has been written and fsync'd, and leaves the disk only once the server has answered for it, so
// neither a server outage nor a restart of the agent loses one. Appends are written in small
// groups (one fsync per group, not per result). The queue is bounded: when full, the oldest
// results go first and `dropped` counts them, for the server to show.
//
// Layout of the state folder: segment files `<index of their first result>.jsonl` (one
// AgentResult per line, at most SEGMENT_SIZE lines), `state.json` ({head, dropped}: the index
// of the first result not yet answered for, and the drop total) and `agent.lock`. Every result
// has an index in one sequence that only grows; a segment is deleted once all of it is behind
// the head. State is written aside and renamed into place, so a crash leaves the old or the new
// one. A crash between the server's answer and that write sends the batch again, which the
// results' ids make harmless.
import fs from "node:fs/promises";
import path from "node:path";
import type { AgentResult } from "../agents/protocol-v1";

const SEGMENT_SIZE = 1000;
/** Appends buffered before a write is forced; otherwise one write per FLUSH_DELAY_MS. */
const GROUP_SIZE = 100;
const FLUSH_DELAY_MS = 50;
const STATE_FILE = "state.json";
const LOCK_FILE = "agent.lock";

interface Segment {
  start: number;
  count: number;
  /** A write to it failed: no more appends. */
  closed?: boolean;
}

export interface DiskQueueOptions {
  dir: string;
  /** At most this many results are kept; beyond it, the oldest are dropped. */
  maxQueued: number;
  /** Where a failed background write is reported (the results stay pending and are written again). */
  log?: (line: string) => void;
}

export interface QueuedBatch {
  results: AgentResult[];
  /** The index after the batch's last result: what to pass to ack(). */
  end: number;
}

const segmentName = (start: number) => `${String(start).padStart(16, "0")}.jsonl`;

/** A bounded, ordered queue of results on disk. One process per folder (agent.lock). */
export class DiskQueue {
  private segments: Segment[] = [];
  private head = 0;
  /** Index the next durable result gets. */
  private next = 0;
  private dropTotal = 0;
  private savedDropTotal = 0;
  private pending: string[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  // File operations run one at a time, in the order asked.
  private chain: Promise<unknown> = Promise.resolve();
  private waiters: (() => void)[] = [];

  private constructor(private readonly options: DiskQueueOptions) {}

  /** Opens (or creates) the queue in `dir`. Throws if another live process holds the folder. */
  static async open(options: DiskQueueOptions): Promise<DiskQueue> {
    const queue = new DiskQueue(options);
    await fs.mkdir(options.dir, { recursive: true });
    await queue.lock();
    await queue.load();
    return queue;
  }

  /** Results waiting to be answered for, those not yet on disk included. */
  get length(): number {
    return this.next - this.head + this.pending.length;
  }

  /** Results dropped because the queue was full, since the agent began (it survives restarts). */
  get dropped(): number {
    return this.dropTotal;
  }

  /** Queues a result; it is written within FLUSH_DELAY_MS (or at once when a group is full). */
  append(result: AgentResult): void {
    this.pending.push(`${JSON.stringify(result)}\n`);
    // A disk that keeps failing must not grow memory without bound either.
    if (this.pending.length > this.options.maxQueued) {
      this.pending.shift();
      this.dropTotal++;
    }
    if (this.pending.length >= GROUP_SIZE) this.flushInBackground();
    else this.flushTimer ??= setTimeout(() => this.flushInBackground(), FLUSH_DELAY_MS);
  }

  private flushInBackground(): void {
    this.flush().catch((err: unknown) => {
      (this.options.log ?? console.error)(`cannot write the result queue: ${err instanceof Error ? err.message : String(err)}`);
      this.flushTimer ??= setTimeout(() => this.flushInBackground(), 1000);
    });
  }

  /** Writes and fsyncs every appended result, then applies the bound. */
  flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    return this.serial(async () => {
      const lines = this.pending.splice(0);
      while (lines.length > 0) {
        let tail = this.segments.at(-1);
        if (!tail || tail.closed || tail.count >= SEGMENT_SIZE || tail.start + tail.count !== this.next) {
          tail = { start: this.next, count: 0 };
          this.segments.push(tail);
        }
        const group = lines.splice(0, SEGMENT_SIZE - tail.count);
        try {
          const file = await fs.open(path.join(this.options.dir, segmentName(tail.start)), "a");
          try {
            await file.write(group.join(""));
            await file.sync();
          } finally {
            await file.close();
          }
        } catch (err) {
          // Not written, or not known to be: kept for the next flush, which starts a new
          // segment, since this file may now end with part of the group.
          this.pending.unshift(...group, ...lines);
          tail.closed = true;
          throw err;
        }
        tail.count += group.length;
        this.next += group.length;
      }
      const over = this.next - this.head - this.options.maxQueued;
      if (over > 0) {
        this.head += over;
        this.dropTotal += over;
      }
      if (this.dropTotal !== this.savedDropTotal) await this.removeSentSegments();
      if (this.next > this.head) for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** Resolves once a result is on disk and unsent, or when `signal` aborts. */
  waitForResults(signal: AbortSignal): Promise<void> {
    if (this.next > this.head || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        signal.removeEventListener("abort", done);
        resolve();
      };
      this.waiters.push(done);
      signal.addEventListener("abort", done, { once: true });
    });
  }

  /** The oldest unsent results on disk, at most `maxCount` and about `maxBytes` of JSON; null when none. */
  readBatch(maxCount: number, maxBytes: number): Promise<QueuedBatch | null> {
    return this.serial(async () => {
      const results: AgentResult[] = [];
      let index = this.head;
      let bytes = 0;
      for (const seg of this.segments) {
        if (seg.start + seg.count <= index) continue;
        const text = await fs.readFile(path.join(this.options.dir, segmentName(seg.start)), "utf8");
        const lines = text.split("\n");
        for (let i = index - seg.start; i < seg.count; i++) {
          const line = lines[i] ?? "";
          if (results.length >= maxCount || (results.length > 0 && bytes + line.length > maxBytes)) return { results, end: index };
          bytes += line.length + 1;
          index++;
          try {
            results.push(JSON.parse(line) as AgentResult);
          } catch {
            // A line damaged on disk cannot be sent; it is skipped, as if dropped.
            this.dropTotal++;
          }
        }
      }
      return index === this.head ? null : { results, end: index };
    });
  }

  /** The server has answered for every result before `end`: they leave the disk. */
  ack(end: number): Promise<void> {
    return this.serial(async () => {
      if (end <= this.head) return;
      this.head = Math.min(end, this.next);
      await this.removeSentSegments();
    });
  }

  /** Writes what is pending and releases the folder. */
  async close(): Promise<void> {
    await this.flush();
    await this.serial(() => fs.rm(path.join(this.options.dir, LOCK_FILE), { force: true }));
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work);
    this.chain = run.catch(() => {});
    return run;
  }

  private async lock(): Promise<void> {
    const file = path.join(this.options.dir, LOCK_FILE);
    try {
      await fs.writeFile(file, String(process.pid), { flag: "wx" });
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const pid = Number(await fs.readFile(file, "utf8").catch(() => ""));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
      throw new Error(`another vigil agent (pid ${pid}) uses ${this.options.dir}`);
    }
    await fs.writeFile(file, String(process.pid));
  }

  private async load(): Promise<void> {
    try {
      const state = JSON.parse(await fs.readFile(path.join(this.options.dir, STATE_FILE), "utf8")) as { head?: unknown; dropped?: unknown };
      if (typeof state.head === "number") this.head = state.head;
      if (typeof state.dropped === "number") this.dropTotal = this.savedDropTotal = state.dropped;
    } catch {
      // No state yet (a new folder) or a damaged one: the segments on disk still tell the queue.
    }
    const names = (await fs.readdir(this.options.dir)).filter((n) => /^\d{16}\.jsonl$/.test(n)).sort();
    for (const name of names) {
      const file = path.join(this.options.dir, name);
      const text = await fs.readFile(file, "utf8");
      // A crash mid-write leaves a last line without its newline: it was never acknowledged to
      // anyone, so it is cut off.
      const complete = text.lastIndexOf("\n") + 1;
      if (complete < text.length) await fs.truncate(file, Buffer.byteLength(text.slice(0, complete)));
      const count = complete === 0 ? 0 : text.slice(0, complete).split("\n").length - 1;
      this.segments.push({ start: Number(name.slice(0, 16)), count });
    }
    const last = this.segments.at(-1);
    this.next = last ? last.start + last.count : this.head;
    const first = this.segments[0];
    if (first && this.head < first.start) this.head = first.start;
    this.head = Math.min(this.head, this.next);
    await this.removeSentSegments();
  }

  private async removeSentSegments(): Promise<void> {
    while (this.segments.length > 0 && this.segments[0].start + this.segments[0].count <= this.head) {
      const seg = this.segments.shift() as Segment;
      await fs.rm(path.join(this.options.dir, segmentName(seg.start)), { force: true });
    }
    await replaceFile(path.join(this.options.dir, STATE_FILE), JSON.stringify({ head: this.head, dropped: this.dropTotal }));
    this.savedDropTotal = this.dropTotal;
  }
}

/** Writes `text` aside, fsyncs it and renames it over `file`: a crash leaves the old or the new one. */
export async function replaceFile(file: string, text: string): Promise<void> {
  const tmp = `${file}.tmp`;
  const handle = await fs.open(tmp, "w");
  try {
    await handle.write(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, file);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
