// Wake-up paths of the sendalerts loop and rough end-to-end latencies. Bounds are generous (the
// targets are a 0.5 s median for a /fail webhook and 1 s after a deadline); the measured values
// are printed for the record.
import pg from "pg";
import { afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { getDb, type Check } from "../../lib/db";
import { getEnv } from "../../lib/env";
import { notifyFlipsCreated, waitForWork } from "../../lib/pings/wake";
import { runSendalerts } from "../../lib/alerts/run-sendalerts";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createChannel, useHttpSink, webhookConfig } from "../helpers/alerts";
import { createCheck, createFixtures } from "../fixtures";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeWait(maxMs: number, trigger: () => void | Promise<void>, signal?: AbortSignal): Promise<number> {
  const started = Date.now();
  const waiting = waitForWork(maxMs, signal);
  await trigger();
  await waiting;
  return Date.now() - started;
}

forEachDatabase(
  (kind) => {
    const sink = useHttpSink();
    let projectId: number;

    beforeAll(async () => {
      // On PostgreSQL the first wait opens the LISTEN connection, which wakes once it is up.
      if (kind === "postgres") await waitForWork(5000);
    });
    beforeEach(async () => {
      await resetDatabase();
      ({ project: { id: projectId } } = await createFixtures());
      // Consume any wake left over from an earlier test.
      await waitForWork(0);
    });

    test("waitForWork returns early on an in-process wake, on abort, and otherwise after maxMs", async () => {
      expect(await timeWait(5000, () => notifyFlipsCreated())).toBeLessThan(1000);
      const controller = new AbortController();
      expect(await timeWait(5000, () => controller.abort(), controller.signal)).toBeLessThan(1000);
      const slept = await timeWait(100, () => {});
      expect(slept).toBeGreaterThanOrEqual(90);
      expect(slept).toBeLessThan(2000);
    });

    test("a wake that arrives while the loop is busy is not lost", async () => {
      notifyFlipsCreated();
      const started = Date.now();
      await waitForWork(5000);
      expect(Date.now() - started).toBeLessThan(1000);
    });

    if (kind === "postgres") {
      test("a pg_notify committed by another connection wakes the waiter", async () => {
        const other = new pg.Client({ connectionString: getEnv().database.url });
        await other.connect();
        try {
          const elapsed = await timeWait(5000, async () => {
            await other.query("BEGIN");
            await other.query("SELECT pg_notify('vigil_flips', '')");
            await other.query("COMMIT");
          });
          console.log(`[wake] pg_notify → waitForWork: ${elapsed} ms`);
          expect(elapsed).toBeLessThan(1000);
        } finally {
          await other.end();
        }
      });
    }

    describe("the sendalerts loop", () => {
      let controller: AbortController;
      let running: Promise<void>;
      const logs: string[] = [];

      const startLoop = () => {
        controller = new AbortController();
        running = runSendalerts({ signal: controller.signal, log: (line) => logs.push(line) });
      };
      afterEach(async () => {
        controller?.abort();
        await running;
      });

      const upCheckWithHook = async (name: string): Promise<Check> => {
        const check = await createCheck(projectId, { name, status: "up", lastPing: new Date(), timeout: 3600, grace: 3600 });
        await createChannel(projectId, "webhook", webhookConfig(`${sink.url}/${check.code}`), [check.id]);
        return check;
      };

      /** What the ping path does for /fail: flip the check and insert the flip in one transaction. */
      const failPing = async (check: Check, at: Date) => {
        await getDb().$transaction([
          getDb().check.update({ where: { id: check.id }, data: { status: "down", lastPing: at, alertAfter: null } }),
          getDb().flip.create({ data: { checkId: check.id, createdAt: at, oldStatus: "up", newStatus: "down", reason: "fail" } }),
        ]);
      };

      test("a /fail flip committed in this process is delivered promptly", async () => {
        startLoop();
        const latencies: number[] = [];
        for (let i = 0; i < 5; i++) {
          const check = await upCheckWithHook(`in-process ${i}`);
          await new Promise((r) => setTimeout(r, 100 + 37 * i)); // land at different points of the poll cycle
          const at = new Date();
          await failPing(check, at);
          notifyFlipsCreated();
          await sink.waitForRequests(i + 1, 5000);
          latencies.push(sink.requests[i].receivedAt - at.getTime());
        }
        console.log(`[wake] ${kind} in-process /fail → webhook: ${latencies.join(", ")} ms (median ${median(latencies)})`);
        expect(median(latencies)).toBeLessThan(500);
      });

      test("a flip committed by another process is delivered promptly", async () => {
        startLoop();
        const latencies: number[] = [];
        for (let i = 0; i < 5; i++) {
          const check = await upCheckWithHook(`other-process ${i}`);
          await new Promise((r) => setTimeout(r, 100 + 37 * i));
          const at = new Date();
          if (kind === "postgres") {
            // As the PostgreSQL ping store does it: flip and pg_notify in one transaction.
            const other = new pg.Client({ connectionString: getEnv().database.url });
            await other.connect();
            await other.query("BEGIN");
            await other.query("UPDATE checks SET status = 'down', alert_after = NULL WHERE id = $1", [check.id]);
            await other.query(
              "INSERT INTO flips (check_id, created_at, old_status, new_status, reason) VALUES ($1, $2, 'up', 'down', 'fail')",
              [check.id, at.toISOString()],
            );
            await other.query("SELECT pg_notify('vigil_flips', '')");
            await other.query("COMMIT");
            await other.end();
          } else {
            // No wake at all: only the loop's short poll can find it.
            await failPing(check, at);
          }
          await sink.waitForRequests(i + 1, 5000);
          latencies.push(sink.requests[i].receivedAt - at.getTime());
        }
        console.log(`[wake] ${kind} other-process /fail → webhook: ${latencies.join(", ")} ms (median ${median(latencies)})`);
        expect(median(latencies)).toBeLessThan(1000);
      });

      test("a check whose deadline passes is alerted within about a second", async () => {
        startLoop();
        const latencies: number[] = [];
        for (let i = 0; i < 3; i++) {
          const deadline = Date.now() + 400 + 53 * i;
          // timeout 60 s + grace 60 s elapse at `deadline`.
          const lastPing = new Date(deadline - 120_000);
          const check = await createCheck(projectId, { name: `deadline ${i}`, status: "up", lastPing, timeout: 60, grace: 60, alertAfter: new Date(deadline) });
          await createChannel(projectId, "webhook", webhookConfig(`${sink.url}/${check.code}`), [check.id]);
          await sink.waitForRequests(i + 1, 5000);
          latencies.push(sink.requests[i].receivedAt - deadline);
          const [flip] = await getDb().flip.findMany({ where: { checkId: check.id } });
          expect(flip.createdAt.getTime()).toBe(deadline);
        }
        console.log(`[wake] ${kind} deadline → webhook: ${latencies.join(", ")} ms`);
        expect(Math.max(...latencies)).toBeLessThan(1000);
        expect(logs.some((l) => / goes down$/.test(l))).toBe(true);
        expect(logs.some((l) => /^ {2}webhook [0-9a-f-]{36}: OK in \d+\.\ds$/.test(l))).toBe(true);
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
