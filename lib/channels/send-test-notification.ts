import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Actor } from "../auth/actor";
import { requireChannelAccess } from "../auth/permissions";
import type { Check, Flip, Ping, Project } from "../db";
import { getDb } from "../db";
import { getTransport } from "../integrations/registry";
import { TransportError } from "../errors";
import type { NotifyContext } from "../integrations/transport";
import { deliverToGroupMembers } from "../alerts/deliver-group-members";

export interface SendTestNotificationOptions {
  actor: Actor;
  channelCode: string;
}

export interface TestNotificationResult {
  /** The status the synthetic flip went to: "down", or "up" for channels that only notify on up. */
  status: "down" | "up";
  /** "" when delivered, else the error (also recorded on the channel and the Notification). */
  error: string;
}

// Same limit as deliverFlip: api_notification.error and api_channel.last_error are varchar(200).
const MAX_ERROR_LENGTH = 200;
const DAY_MS = 86_400_000;

/**
 * "Send test notification" (Healthchecks' send_test_notification): delivers a synthetic flip of
 * an unsaved check named "TEST" to one channel through its real transport, with isTest set so
 * HTTP transports do not retry. Like a real delivery it writes a Notification (check null, the
 * mark of a test; older test rows of the channel are replaced) and updates the channel's last
 * result, disabling it on a permanent error. Requires write access to the channel's project;
 * throws AppError "not_found"/"forbidden" for access, and rejects only on database errors.
 */
export async function sendTestNotification({ actor, channelCode }: SendTestNotificationOptions): Promise<TestNotificationResult> {
  const { channel, project } = await requireChannelAccess(actor, channelCode, "write");
  const transport = getTransport(channel.kind);
  const now = new Date();
  const check = getTestCheck(project, now);

  let flip = getTestFlip("up", "down", now);
  if (transport?.isNoop(channel, flip)) flip = getTestFlip("down", "up", now);
  if (transport?.isNoop(channel, flip)) {
    return { status: "down", error: "This integration is set to send neither down nor up notifications" };
  }
  const status = flip.newStatus === "up" ? "up" : "down";

  const db = getDb();
  const notificationCode = randomUUID();
  await db.notification.deleteMany({ where: { channelId: channel.id, checkId: null } });
  await db.notification.create({
    data: { code: notificationCode, checkId: null, checkStatus: status, channelId: channel.id, error: "Sending" },
  });

  const started = performance.now();
  let error = "";
  let permanent = false;
  const lastPing = getTestPing(now);
  try {
    if (!transport) throw new TransportError(`Integration "${channel.kind}" is not supported`);
    const ctx: NotifyContext = { flip, check, channel, notificationCode, isTest: true, getLastPing: async () => lastPing };
    // A group's members are tried without Notification rows of their own: the test check is not stored.
    ctx.deliverToChannels = (codes) => deliverToGroupMembers(ctx, codes, null);
    await transport.notify(ctx);
  } catch (err) {
    if (!(err instanceof TransportError)) {
      error = `Unexpected error: ${err instanceof Error ? err.message : String(err)}`;
    } else {
      error = err.message;
      permanent = err.permanent;
    }
  }
  error = error.slice(0, MAX_ERROR_LENGTH);

  // updateMany: the channel may have been deleted while we were sending.
  await db.notification.updateMany({ where: { code: notificationCode }, data: { error } });
  await db.channel.updateMany({
    where: { id: channel.id },
    data: {
      lastNotify: new Date(),
      lastNotifyDuration: Math.round(performance.now() - started),
      lastError: error,
      ...(permanent ? { disabled: true } : {}),
    },
  });
  return { status, error };
}

/** Healthchecks' dummy: Check(name="TEST", status="down"), last pinged a day ago, 42 pings. */
function getTestCheck(project: Project, now: Date): Check & { project: Project } {
  return {
    id: 0,
    code: randomUUID(),
    projectId: project.id,
    name: "TEST",
    slug: "test",
    tags: "",
    desc: "",
    createdAt: now,
    kind: "simple",
    timeout: 86400,
    grace: 3600,
    schedule: "* * * * *",
    tz: "UTC",
    filterSubject: false,
    filterBody: false,
    filterHttpBody: false,
    filterDefaultFail: false,
    startKw: "",
    successKw: "",
    failureKw: "",
    methods: "",
    manualResume: false,
    badgeKey: "",
    nPings: 42,
    lastPing: new Date(now.getTime() - DAY_MS),
    lastStart: null,
    lastStartRid: null,
    lastDuration: null,
    hasConfirmationLink: false,
    alertAfter: null,
    status: "down",
    failureThreshold: 1,
    consecutiveFailures: 0,
    reminderInterval: 0,
    nextReminderAt: null,
    probe: null,
    nextProbeAt: null,
    project,
  };
}

function getTestFlip(oldStatus: string, newStatus: string, now: Date): Flip {
  return { id: 0, checkId: 0, createdAt: now, processedAt: now, oldStatus, newStatus, reason: newStatus === "down" ? "fail" : "" };
}

function getTestPing(now: Date): Ping {
  return {
    checkId: 0,
    n: 42,
    createdAt: new Date(now.getTime() - DAY_MS),
    kind: null,
    scheme: "http",
    remoteAddr: null,
    method: "GET",
    ua: "",
    body: null,
    exitStatus: null,
    rid: null,
  };
}
