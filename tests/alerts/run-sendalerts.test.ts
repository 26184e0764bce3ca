// The loop's own guarantees: parallel deliveries that keep each check's order, draining on
// abort, and carrying on after an error.
import { afterEach, beforeEach, expect, test } from "vitest";
import { getDb, type Check } from "../../lib/db";
import { notifyFlipsCreated } from "../../lib/pings/wake";
import { runSendalerts } from "../../lib/alerts/run-sendalerts";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createChannel, createFlip, useHttpSink, webhookConfig } from "../helpers/alerts";
import { createCheck, createFixtures } from "../fixtures";

forEachDatabase(
  () => {
    const sink = useHttpSink();
    let projectId: number;
    let controller: AbortController | undefined;
    let running: Promise<void> | undefined;
    const logs: string[] = [];

    beforeEach(async () => {
      await resetDatabase();
      logs.length = 0;
      ({ project: { id: projectId } } = await createFixtures());
    });
    afterEach(async () => {
      controller?.abort();
      await running;
      controller = running = undefined;
    });

    const startLoop = () => {
      controller = new AbortController();
      running = runSendalerts({ signal: controller.signal, log: (line) => logs.push(line) });
    };
    const hooked = async (name: string): Promise<Check> => {
      const check = await createCheck(projectId, { name, status: "up" });
      await createChannel(projectId, "webhook", webhookConfig(`${sink.url}/${name}/down`, `${sink.url}/${name}/up`), [check.id]);
      return check;
    };
    /** Responds after `ms` to requests whose URL contains `part`. */
    const delay = (part: string, ms: number) => {
      sink.respond = (req, res) => {
        if (req.url.includes(part)) setTimeout(() => res.end("OK"), ms);
        else res.end("OK");
      };
    };

    test("a check's flips are delivered in order, after one another", async () => {
      const check = await hooked("flappy");
      delay("/down", 400);
      await createFlip(check.id, { oldStatus: "up", newStatus: "down" });
      await createFlip(check.id, { oldStatus: "down", newStatus: "up" });
      startLoop();
      await sink.waitForRequests(2, 5000);
      const [down, up] = sink.requests;
      expect([down.url, up.url]).toEqual(["/flappy/down", "/flappy/up"]);
      expect(up.receivedAt - down.receivedAt).toBeGreaterThanOrEqual(350);
    });

    test("sends a due reminder, and one that falls due while it runs", async () => {
      const due = await hooked("due");
      await getDb().check.update({
        where: { id: due.id },
        data: { status: "down", reminderInterval: 900, nextReminderAt: new Date(Date.now() - 1000) },
      });
      startLoop();
      await sink.waitForRequests(1, 5000);
      expect(sink.requests.map((r) => r.url)).toEqual(["/due/down"]);
      expect((await getDb().check.findUniqueOrThrow({ where: { id: due.id } })).nextReminderAt!.getTime()).toBeGreaterThan(Date.now() + 800_000);

      // Scheduled after the loop last looked: its cached earliest time is re-read within 5 s.
      const later = await hooked("later");
      await getDb().check.update({
        where: { id: later.id },
        data: { status: "down", reminderInterval: 900, nextReminderAt: new Date(Date.now() + 500) },
      });
      await sink.waitForRequests(2, 10_000);
      expect(sink.requests.map((r) => r.url)).toEqual(["/due/down", "/later/down"]);
    });

    test("a slow webhook does not hold up other checks", async () => {
      const slow = await hooked("slow");
      const fast = await hooked("fast");
      delay("/slow/", 1500);
      await createFlip(slow.id);
      await createFlip(fast.id);
      startLoop();
      await sink.waitForRequests(2, 5000);
      const fastReq = sink.requests.find((r) => r.url.startsWith("/fast/"))!;
      const slowReq = sink.requests.find((r) => r.url.startsWith("/slow/"))!;
      expect(fastReq.receivedAt - slowReq.receivedAt).toBeLessThan(1000);
    });

    test("stopping finishes in-flight deliveries and claims nothing new", async () => {
      const check = await hooked("draining");
      delay("/draining/", 500);
      await createFlip(check.id);
      startLoop();
      await sink.waitForRequests(1, 5000);
      controller!.abort();
      await running;
      expect(await getDb().notification.findMany()).toMatchObject([{ error: "" }]);
      expect(logs.at(-1)).toBe("sendalerts stopped");

      await createFlip(check.id, { oldStatus: "down", newStatus: "up" });
      notifyFlipsCreated();
      await new Promise((r) => setTimeout(r, 300));
      expect(await getDb().flip.count({ where: { processedAt: null } })).toBe(1);
    });

    test("an error in one pass is logged and the loop carries on", async () => {
      await createCheck(projectId, { status: "up", kind: "cron", schedule: "broken", lastPing: new Date(Date.now() - 86400_000), alertAfter: new Date(Date.now() - 1000) });
      const check = await hooked("healthy");
      await createFlip(check.id);
      startLoop();
      await sink.waitForRequests(1, 5000);
      // The report is logged once the delivery has finished.
      while (!logs.includes(`${check.code} goes down`)) await new Promise((r) => setTimeout(r, 20));
      expect(logs.some((l) => l.startsWith("Error: "))).toBe(true);
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
