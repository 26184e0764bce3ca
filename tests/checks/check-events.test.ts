import { beforeEach, expect, test } from "vitest";
import { SYSTEM } from "../../lib/auth/actor";
import { getCheckEvents as getEvents, type CheckEvent } from "../../lib/checks/get-check-events";
import { getPingBody as getBody } from "../../lib/checks/ping-log";
import { getDb, type Check } from "../../lib/db";
import { createCheck, createFixtures } from "../fixtures";
import { forEachDatabase, resetDatabase } from "../helpers/databases";

const t = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));

forEachDatabase(() => {
  let check: Check;
  let channelId: number;
  beforeEach(async () => {
    await resetDatabase();
    const fx = await createFixtures();
    check = await createCheck(fx.project.id);
    channelId = (
      await getDb().channel.create({
        data: { code: crypto.randomUUID(), projectId: fx.project.id, kind: "email", name: "", config: '{"value":"ops@example.org"}' },
      })
    ).id;
  });

  async function ping(n: number, minute: number, data: { kind?: string | null; body?: string; scheme?: string; rid?: string } = {}) {
    await getDb().ping.create({
      data: {
        checkId: check.id,
        n,
        createdAt: t(minute),
        kind: data.kind ?? null,
        scheme: data.scheme ?? "http",
        method: data.scheme === "email" ? "" : "POST",
        remoteAddr: "10.0.0.1",
        ua: "curl/8",
        body: data.body === undefined ? null : Buffer.from(data.body),
        rid: data.rid ?? null,
      },
    });
  }
  const flip = (minute: number, oldStatus: string, newStatus: string, reason = "") =>
    getDb().flip.create({ data: { checkId: check.id, createdAt: t(minute), processedAt: t(minute), oldStatus, newStatus, reason } });
  const notification = (minute: number, error = "") =>
    getDb().notification.create({
      data: { code: crypto.randomUUID(), checkId: check.id, checkStatus: "down", channelId, createdAt: t(minute), error },
    });
  const getCheckEvents = (opts: { limit?: number; beforeN?: number } = {}) => getEvents({ actor: SYSTEM, checkCode: check.code, ...opts });
  const getPingBody = (n: number) => getBody({ actor: SYSTEM, checkCode: check.code, n });
  const summary = (events: CheckEvent[]) => events.map((e) => (e.type === "ping" ? `ping ${e.n} ${e.kind}` : e.type === "flip" ? `flip ${e.newStatus}` : `notification ${e.error || "ok"}`));

  test("interleaves pings, flips and notifications newest first, consequences above causes", async () => {
    await ping(1, 0, { kind: "start" });
    await ping(2, 2);
    await flip(2, "new", "up");
    await ping(3, 10, { kind: "fail" });
    await flip(10, "up", "down", "fail");
    await notification(10, "Connection refused");
    await ping(4, 20);
    await flip(20, "down", "up");
    await notification(20);

    const { events, olderBeforeN } = await getCheckEvents();
    expect(summary(events)).toEqual([
      "notification ok",
      "flip up",
      "ping 4 success",
      "notification Connection refused",
      "flip down",
      "ping 3 fail",
      "flip up",
      "ping 2 success",
      "ping 1 start",
    ]);
    expect(olderBeforeN).toBeNull();
    const down = events.find((e) => e.type === "flip" && e.newStatus === "down");
    expect(down).toMatchObject({ oldStatus: "up", reason: "fail" });
    const sent = events.find((e) => e.type === "notification" && e.error === "");
    expect(sent).toMatchObject({ channelKind: "email", channelLabel: "ops@example.org", checkStatus: "down" });
    expect(events.find((e) => e.type === "ping" && e.n === 2)).toMatchObject({ durationMs: 2 * 60_000, method: "POST", remoteAddr: "10.0.0.1", ua: "curl/8" });
  });

  test("pages by ping number, keeping flips and notifications in their page's time window", async () => {
    for (let n = 1; n <= 5; n++) await ping(n, n * 10);
    await flip(15, "up", "down");
    await flip(35, "down", "up");
    await notification(45);

    const first = await getCheckEvents({ limit: 2 });
    expect(summary(first.events)).toEqual(["ping 5 success", "notification ok", "ping 4 success"]);
    expect(first.olderBeforeN).toBe(4);

    const second = await getCheckEvents({ limit: 2, beforeN: first.olderBeforeN! });
    expect(summary(second.events)).toEqual(["flip up", "ping 3 success", "ping 2 success"]);
    expect(second.olderBeforeN).toBe(2);

    const third = await getCheckEvents({ limit: 2, beforeN: second.olderBeforeN! });
    expect(summary(third.events)).toEqual(["flip down", "ping 1 success"]);
    expect(third.olderBeforeN).toBeNull();
  });

  test("shows the body's size and a preview without loading it, and the full body on demand", async () => {
    const long = "x".repeat(5000);
    await ping(1, 1, { body: long });
    await ping(2, 2, { body: "Subject line\nignored", scheme: "email" });
    await ping(3, 3, { scheme: "email", body: "From: a@example.org\r\nSubject: Backup\r\n finished OK\r\n\r\nbody" });
    await ping(4, 4);

    const { events } = await getCheckEvents();
    const byN = new Map(events.flatMap((e) => (e.type === "ping" ? [[e.n, e] as const] : [])));
    expect(byN.get(4)).toMatchObject({ bodySize: 0, bodyPreview: "" });
    expect(byN.get(3)).toMatchObject({ bodyPreview: "Subject: Backup finished OK" });
    expect(byN.get(2)!.bodyPreview).toBe("Subject line\nignored");
    expect(byN.get(1)!.bodySize).toBe(5000);
    expect(byN.get(1)!.bodyPreview).toBe(`${"x".repeat(300)}…`);

    expect((await getPingBody(1))!.toString()).toBe(long);
    expect(await getPingBody(4)).toBeNull();
    expect(await getPingBody(99)).toBeNull();
  });

  test("a page before a ping number no ping can have (past 2^53, 2^63) is the newest page, not an error", async () => {
    await ping(1, 1);
    await ping(2, 2);
    for (const beforeN of [2 ** 63, 1e20, Number.MAX_SAFE_INTEGER + 2]) {
      const page = await getCheckEvents({ beforeN });
      expect(summary(page.events)).toEqual(["ping 2 success", "ping 1 success"]);
    }
    // A ping number a ping can have still pages.
    expect(summary((await getCheckEvents({ beforeN: 2 })).events)).toEqual(["ping 1 success"]);
  });

  test("a body request for a ping number past 2^53 finds no body", async () => {
    await ping(1, 1, { body: "x" });
    expect(await getPingBody(2 ** 63)).toBeNull();
    expect(await getPingBody(1e23)).toBeNull();
  });

  test("lists ignored and log pings with their kind", async () => {
    await ping(1, 1, { kind: "ign" });
    await ping(2, 2, { kind: "log" });
    const { events } = await getCheckEvents();
    expect(summary(events)).toEqual(["ping 2 log", "ping 1 ign"]);
  });
});
