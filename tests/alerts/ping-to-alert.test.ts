// The ping hot path (raw SQL, lib/store) and sendalerts (Prisma) must agree on the rows they
// share: the scanner's compare-and-set has to match the timestamps the ping store wrote, and a
// flip committed by a ping has to wake the loop.
import { afterEach, beforeEach, expect, test } from "vitest";
import { getDb, type Check } from "../../lib/db";
import { findGoingDown } from "../../lib/alerts/find-going-down";
import { runSendalerts } from "../../lib/alerts/run-sendalerts";
import { recordPing } from "../../lib/pings/record-ping";
import type { PingInput, UrlAction } from "../../lib/pings/types";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createChannel, useHttpSink, webhookConfig } from "../helpers/alerts";
import { createCheck, createFixtures } from "../fixtures";

function ping(check: Check, action: UrlAction): Promise<unknown> {
  const input: PingInput = {
    target: { code: check.code },
    action,
    exitStatus: null,
    rid: null,
    scheme: "http",
    remoteAddr: "203.0.113.1",
    method: "POST",
    ua: "test",
    body: Buffer.from(`${action} body`),
    receivedAt: Date.now(),
  };
  return recordPing(input);
}

forEachDatabase(
  (kind) => {
    const sink = useHttpSink();
    let projectId: number;

    beforeEach(async () => {
      await resetDatabase();
      ({ project: { id: projectId } } = await createFixtures());
    });

    const reload = (id: number) => getDb().check.findUniqueOrThrow({ where: { id } });

    test("a check pinged through the ping path goes down at its deadline", async () => {
      const check = await createCheck(projectId, { timeout: 60, grace: 60 });
      await ping(check, "success");
      const pinged = await reload(check.id);
      expect(pinged.status).toBe("up");
      const deadline = pinged.alertAfter!;
      expect(deadline.getTime()).toBe(pinged.lastPing!.getTime() + 120_000);

      expect(await findGoingDown(new Date(deadline.getTime() + 1))).toBe(true);
      expect(await reload(check.id)).toMatchObject({ status: "down", alertAfter: null });
      const flips = await getDb().flip.findMany({ where: { checkId: check.id }, orderBy: { id: "asc" } });
      expect(flips.map((f) => `${f.oldStatus}→${f.newStatus}`)).toEqual(["new→up", "up→down"]);
      expect(flips[1].createdAt.getTime()).toBe(deadline.getTime());
    });

    test("a start ping on a new check goes new→down after the grace time", async () => {
      const check = await createCheck(projectId, { grace: 60 });
      await ping(check, "start");
      const started = await reload(check.id);
      expect(started.status).toBe("new");
      expect(await findGoingDown(new Date(started.alertAfter!.getTime() + 1))).toBe(true);
      const flips = await getDb().flip.findMany({ where: { checkId: check.id } });
      expect(flips).toMatchObject([{ oldStatus: "new", newStatus: "down", reason: "timeout" }]);
    });

    let controller: AbortController | undefined;
    let running: Promise<void> | undefined;
    afterEach(async () => {
      controller?.abort();
      await running;
    });

    test("a /fail ping's webhook leaves promptly", async () => {
      controller = new AbortController();
      running = runSendalerts({ signal: controller.signal, log: () => {} });
      const latencies: number[] = [];
      for (let i = 0; i < 5; i++) {
        const check = await createCheck(projectId, { name: `job ${i}` });
        await createChannel(projectId, "webhook", webhookConfig(`${sink.url}/${check.code}`, "", { method_down: "POST", body_down: "$BODY" }), [check.id]);
        await ping(check, "success"); // new→up is silent
        await new Promise((r) => setTimeout(r, 60 + 41 * i));
        const sent = Date.now();
        await ping(check, "fail");
        await sink.waitForRequests(i + 1, 5000);
        latencies.push(sink.requests[i].receivedAt - sent);
        expect(sink.requests[i].body.toString()).toBe("fail body");
      }
      latencies.sort((a, b) => a - b);
      console.log(`[wake] ${kind} recordPing(/fail) → webhook: ${latencies.join(", ")} ms`);
      expect(latencies[2]).toBeLessThan(500);
      expect(sink.requests).toHaveLength(5);
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
