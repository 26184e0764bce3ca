import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { getDb, type Check } from "../../lib/db";
import { deliverFlip } from "../../lib/alerts/deliver-flip";
import { TransportError } from "../../lib/errors";
import { webhookTransport } from "../../lib/integrations/webhook/transport";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createChannel, createFlip, useHttpSink, webhookConfig } from "../helpers/alerts";
import { createCheck, createFixtures } from "../fixtures";

forEachDatabase(
  () => {
    const sink = useHttpSink();
    let projectId: number;
    let check: Check;

    beforeEach(async () => {
      await resetDatabase();
      ({ project: { id: projectId } } = await createFixtures());
      check = await createCheck(projectId, { status: "up" });
    });
    afterEach(() => {
      vi.restoreAllMocks();
    });

    const hook = (path: string, data = {}) => createChannel(projectId, "webhook", webhookConfig(`${sink.url}${path}`, `${sink.url}${path}`), [check.id], data);
    const notificationsOf = (channelId: number) => getDb().notification.findMany({ where: { channelId } });

    test("new→up and paused→up are silent", async () => {
      const channel = await hook("/a");
      for (const oldStatus of ["new", "paused"]) {
        const report = await deliverFlip(await createFlip(check.id, { oldStatus, newStatus: "up" }));
        expect(report.deliveries).toEqual([]);
      }
      expect(sink.requests).toHaveLength(0);
      expect(await notificationsOf(channel.id)).toEqual([]);
    });

    test("a down flip notifies every channel and records one Notification each", async () => {
      const a = await hook("/a");
      const b = await hook("/b");
      const report = await deliverFlip(await createFlip(check.id, { oldStatus: "up", newStatus: "down" }));
      expect(report).toMatchObject({ checkCode: check.code, newStatus: "down" });
      expect(report.deliveries.map((d) => d.error)).toEqual(["", ""]);
      expect(sink.requests.map((r) => r.url).sort()).toEqual(["/a", "/b"]);
      for (const channel of [a, b]) {
        const rows = await notificationsOf(channel.id);
        expect(rows).toMatchObject([{ checkId: check.id, checkStatus: "down", error: "" }]);
        const after = await getDb().channel.findUniqueOrThrow({ where: { id: channel.id } });
        expect(after.lastNotify).toBeInstanceOf(Date);
        expect(after.lastNotifyDuration).toBeGreaterThanOrEqual(0);
        expect(after.lastError).toBe("");
      }
    });

    test("down→up notifies; pause flips do not", async () => {
      await hook("/a");
      await deliverFlip(await createFlip(check.id, { oldStatus: "down", newStatus: "up" }));
      await deliverFlip(await createFlip(check.id, { oldStatus: "up", newStatus: "paused" }));
      expect(sink.requests).toHaveLength(1);
    });

    test("disabled channels and channels of other checks are skipped", async () => {
      await hook("/disabled", { disabled: true });
      const other = await createCheck(projectId);
      await createChannel(projectId, "webhook", webhookConfig(`${sink.url}/other`), [other.id]);
      const report = await deliverFlip(await createFlip(check.id));
      expect(report.deliveries).toEqual([]);
      expect(sink.requests).toHaveLength(0);
    });

    test("fast channels go first, never-used ones last", async () => {
      await hook("/never");
      await hook("/slow", { lastNotifyDuration: 900 });
      await hook("/fast", { lastNotifyDuration: 5 });
      await deliverFlip(await createFlip(check.id));
      expect(sink.requests.map((r) => r.url)).toEqual(["/fast", "/slow", "/never"]);
    });

    test("one failing channel does not stop the others", async () => {
      const closed = net.createServer();
      await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
      const deadPort = (closed.address() as AddressInfo).port;
      await new Promise<void>((r) => closed.close(() => r()));
      const dead = await createChannel(projectId, "webhook", webhookConfig(`http://127.0.0.1:${deadPort}/`), [check.id], { lastNotifyDuration: 1 });
      const unsupported = await createChannel(projectId, "carrier-pigeon", {}, [check.id], { lastNotifyDuration: 2 });
      const good = await hook("/good", { lastNotifyDuration: 3 });
      const report = await deliverFlip(await createFlip(check.id));
      expect(report.deliveries.map((d) => d.error)).toEqual(["Connection failed", 'Integration "carrier-pigeon" is not supported', ""]);
      expect(await notificationsOf(dead.id)).toMatchObject([{ error: "Connection failed" }]);
      expect(await notificationsOf(unsupported.id)).toMatchObject([{ error: 'Integration "carrier-pigeon" is not supported' }]);
      expect(await notificationsOf(good.id)).toMatchObject([{ error: "" }]);
      const deadAfter = await getDb().channel.findUniqueOrThrow({ where: { id: dead.id } });
      expect(deadAfter).toMatchObject({ lastError: "Connection failed", disabled: false });
    });

    test("a permanent error disables the channel; other errors do not", async () => {
      const channel = await hook("/a");
      const notify = vi.spyOn(webhookTransport, "notify").mockRejectedValueOnce(new TransportError("Gone for good", { permanent: true }));
      await deliverFlip(await createFlip(check.id));
      expect(notify).toHaveBeenCalledOnce();
      expect(await getDb().channel.findUniqueOrThrow({ where: { id: channel.id } })).toMatchObject({ disabled: true, lastError: "Gone for good" });
      expect(await notificationsOf(channel.id)).toMatchObject([{ error: "Gone for good" }]);
      // Disabled now, so the next flip skips it.
      expect((await deliverFlip(await createFlip(check.id, { oldStatus: "down", newStatus: "up" }))).deliveries).toEqual([]);
    });

    test("a transport bug is recorded as an error, not thrown", async () => {
      const channel = await hook("/a");
      vi.spyOn(webhookTransport, "notify").mockRejectedValueOnce(new RangeError("oops"));
      const report = await deliverFlip(await createFlip(check.id));
      expect(report.deliveries[0].error).toBe("Unexpected error: oops");
      expect(await getDb().channel.findUniqueOrThrow({ where: { id: channel.id } })).toMatchObject({ disabled: false });
    });

    test("long errors are cut to 200 characters", async () => {
      const channel = await hook("/a");
      vi.spyOn(webhookTransport, "notify").mockRejectedValueOnce(new TransportError("x".repeat(500)));
      await deliverFlip(await createFlip(check.id));
      expect((await notificationsOf(channel.id))[0].error).toHaveLength(200);
    });

    test("a flip whose check was deleted delivers nothing", async () => {
      await hook("/a");
      const flip = await createFlip(check.id);
      await getDb().check.delete({ where: { id: check.id } });
      expect(await deliverFlip(flip)).toEqual({ checkCode: null, newStatus: "down", deliveries: [] });
      expect(sink.requests).toHaveLength(0);
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
