// Shared setup of the chat integration suites (lib/integrations/<kind>.test.ts): a loopback
// HTTP server standing in for the service, alice's project with one check attached to the
// channel under test, and helpers to deliver flips through deliverFlip, the real code path.
import { beforeEach } from "vitest";
import { getDb, type Channel, type Check, type Project } from "../../lib/db";
import { deliverFlip, type DeliveryReport } from "../../lib/alerts/deliver-flip";
import { getUniqueKey } from "../../lib/checks/to-dict";
import { getEnv } from "../../lib/env";
import { resetDatabase } from "./databases";
import { createChannel, createFlip, useHttpSink, type HttpSink, type RecordedRequest } from "./alerts";
import { createCheck, createFixtures } from "../fixtures";

export interface ChatFixture {
  sink: HttpSink;
  project: Project;
  /** alice, the project's owner. */
  ownerId: number;
  check: Check;
  /** The check's login-protected link (what messages must use instead of the UUID). */
  cloakedUrl: string;
  /** Creates a channel of `kind` attached to the check. */
  addChannel(kind: string, config: unknown): Promise<Channel>;
  /** Adds the check's ping number n, `agoMs` before now. */
  addPing(n: number, agoMs: number, data?: { kind?: string | null; body?: string; exitStatus?: number | null }): Promise<void>;
  /** Delivers a down flip (reason "timeout" unless given) through deliverFlip. */
  deliverDown(reason?: string, checkData?: Partial<Check>): Promise<DeliveryReport>;
  /** Delivers a down flip 90 minutes ago, then the up flip now, and returns the up report. */
  deliverUpAfterDowntime(): Promise<DeliveryReport>;
  /** The one request the stand-in received, with its JSON body. */
  onlyRequest(): RecordedRequest & { json: unknown };
  reload(channel: Channel): Promise<Channel>;
}

/** Registers the hooks; call inside forEachDatabase. Fields are filled in before each test. */
export function useChatFixture(): ChatFixture {
  const fx = { sink: useHttpSink() } as ChatFixture;
  beforeEach(async () => {
    await resetDatabase();
    fx.sink.respond = (_req, res) => res.end("ok");
    const { project, alice } = await createFixtures();
    fx.project = project;
    fx.ownerId = alice.id;
    fx.check = await createCheck(fx.project.id, {
      name: "DB Backup",
      desc: "Nightly dump\nof the main DB",
      tags: "prod db",
      kind: "simple",
      timeout: 3600,
      status: "down",
    });
    fx.cloakedUrl = `${getEnv().siteRoot}/cloaked/${getUniqueKey(fx.check.code)}/`;
  });
  fx.addChannel = (kind, config) => createChannel(fx.project.id, kind, config, [fx.check.id]);
  fx.addPing = async (n, agoMs, data = {}) => {
    await getDb().ping.create({
      data: {
        checkId: fx.check.id,
        n,
        createdAt: new Date(Date.now() - agoMs),
        kind: data.kind ?? null,
        body: data.body === undefined ? null : Buffer.from(data.body),
        exitStatus: data.exitStatus ?? null,
      },
    });
  };
  fx.deliverDown = async (reason = "timeout", checkData) => {
    if (checkData) fx.check = await getDb().check.update({ where: { id: fx.check.id }, data: checkData });
    return deliverFlip(await createFlip(fx.check.id, { oldStatus: "up", newStatus: "down", reason }));
  };
  fx.deliverUpAfterDowntime = async () => {
    await createFlip(fx.check.id, { createdAt: new Date(Date.now() - 90 * 60_000), oldStatus: "up", newStatus: "down", reason: "timeout" });
    return deliverFlip(await createFlip(fx.check.id, { oldStatus: "down", newStatus: "up", reason: "" }));
  };
  fx.onlyRequest = () => {
    if (fx.sink.requests.length !== 1) throw new Error(`expected 1 request, got ${fx.sink.requests.length}`);
    const [req] = fx.sink.requests;
    return { ...req, json: JSON.parse(req.body.toString("utf8")) as unknown };
  };
  fx.reload = (channel) => getDb().channel.findUniqueOrThrow({ where: { id: channel.id } });
  return fx;
}

/** Makes the stand-in answer every request with `status` and `body`. */
export function respondWith(sink: HttpSink, status: number, body = ""): void {
  sink.respond = (_req, res) => {
    res.statusCode = status;
    res.end(body);
  };
}
