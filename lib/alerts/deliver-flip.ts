import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Flip, Ping } from "../db";
import { getDb } from "../db";
import { isDegradedOnlyFlip } from "../integrations/message";
import { getTransport } from "../integrations/registry";
import { TransportError } from "../errors";
import type { NotifyContext } from "../integrations/transport";
import { REMINDER_REASON } from "./claim-due-reminder";
import { deliverToGroupMembers } from "./deliver-group-members";
import { isFlipHeld } from "./hold-for-maintenance";
import { updateNextNagDates } from "../checks/update-next-nag-dates";
import { countNotification, observeSendalertsDwell } from "../metrics/tallies";
import { handleFlipForStatusPages } from "../status-pages/auto-incidents";

export interface ChannelDelivery {
  channelCode: string;
  kind: string;
  /** "" when delivered, else the error recorded on the Notification and the channel. */
  error: string;
  durationMs: number;
}

export interface DeliveryReport {
  /** The check's UUID; null if the check was deleted before delivery. */
  checkCode: string | null;
  newStatus: string;
  /** A "still down" reminder rather than a status change. */
  reminder?: boolean;
  /** Why no channel was told: a maintenance window covers the check (hold-for-maintenance.ts). */
  held?: "maintenance";
  deliveries: ChannelDelivery[];
}

// api_notification.error and api_channel.last_error are varchar(200) in Healthchecks.
const MAX_ERROR_LENGTH = 200;

/**
 * Sends a claimed flip to the check's channels (Healthchecks' notify + Channel.notify). Flips to
 * "up" from new or paused are silent; disabled channels and channels that ignore this status
 * are skipped, and flips to or from "degraded" (but degraded → down and down → degraded) reach
 * only channels with notify_degraded; the rest are tried one by one, fastest channel first, each writing one
 * Notification row. A failing channel never stops the others: errors are recorded, and a
 * permanent TransportError also disables the channel. Rejects only on database errors.
 * A "still down" reminder (claimDueReminder) is a down flip with reason "reminder" that is not
 * stored; its Notifications are marked as reminders. Flips and reminders held by a maintenance
 * window reach no channel (isFlipHeld).
 */
export async function deliverFlip(flip: Flip, { isTest = false }: { isTest?: boolean } = {}): Promise<DeliveryReport> {
  const db = getDb();
  const check = await db.check.findUnique({ where: { id: flip.checkId }, include: { project: true } });
  if (!check) return { checkCode: null, newStatus: flip.newStatus, deliveries: [] };
  const report: DeliveryReport = { checkCode: check.code, newStatus: flip.newStatus, deliveries: [] };
  if (flip.reason === REMINDER_REASON) report.reminder = true;
  // Healthchecks' process_one_flip: a status change starts or stops the account-wide "still
  // down" reminders (sendreports) of everyone who can see the check.
  if (!isTest && !report.reminder) await updateNextNagDates({ projectId: check.projectId });
  if (!shouldNotify(flip)) return report;
  if (!isTest && (await isFlipHeld(flip))) {
    report.held = "maintenance";
    return report;
  }
  // Status pages with auto_incidents open or resolve an incident; never throws. After the hold:
  // an outage inside a maintenance window is no incident, and one still going when the window
  // ends reaches the pages with the released flip.
  if (!isTest && !report.reminder) await handleFlipForStatusPages(flip);

  const channels = await db.channel.findMany({
    where: { disabled: false, checks: { some: { checkId: check.id } }, ...(isDegradedOnlyFlip(flip) ? { notifyDegraded: true } : {}) },
    orderBy: [{ lastNotifyDuration: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  });

  let lastPing: Promise<Ping | null> | undefined;
  const getLastPing = () => (lastPing ??= findLastPing(flip));

  for (const channel of channels) {
    const transport = getTransport(channel.kind);
    if (transport?.isNoop(channel, flip)) continue;
    const ctx: NotifyContext = { flip, check, channel, notificationCode: randomUUID(), isTest, getLastPing };
    ctx.deliverToChannels = (codes) => deliverToGroupMembers(ctx, codes, deliverToChannel);
    report.deliveries.push(await deliverToChannel(ctx, transport ? (c) => transport.notify(c) : null));
  }
  if (!isTest && !report.reminder) observeSendalertsDwell(flip.createdAt);
  return report;
}

/**
 * Down, up and degraded flips alert; new→up and paused→up (first ping, resume) are silent. A
 * flip to degraded alerts whatever it comes from: it is a warning the channels asked for.
 */
function shouldNotify(flip: Flip): boolean {
  if (flip.newStatus === "down" || flip.newStatus === "degraded") return true;
  return flip.newStatus === "up" && flip.oldStatus !== "new" && flip.oldStatus !== "paused";
}

async function deliverToChannel(
  ctx: NotifyContext,
  notify: ((ctx: NotifyContext) => Promise<void>) | null,
): Promise<ChannelDelivery> {
  const db = getDb();
  const { channel, flip } = ctx;
  const started = performance.now();
  const result = (error: string): ChannelDelivery => ({
    channelCode: channel.code,
    kind: channel.kind,
    error,
    durationMs: Math.round(performance.now() - started),
  });

  // "Sending" marks a delivery in flight (the UI shows it, and a crash leaves it behind).
  try {
    await db.notification.create({
      data: {
        code: ctx.notificationCode,
        checkId: flip.checkId,
        checkStatus: flip.newStatus,
        channelId: channel.id,
        error: "Sending",
        reminder: flip.reason === REMINDER_REASON,
      },
    });
  } catch (err) {
    if (isForeignKeyViolation(err)) return result("Channel or check does not exist any more");
    throw err;
  }

  let error = "";
  let permanent = false;
  try {
    if (!notify) throw new TransportError(`Integration "${channel.kind}" is not supported`);
    await notify(ctx);
  } catch (err) {
    if (err instanceof TransportError) {
      error = err.message;
      permanent = err.permanent;
    } else {
      // A bug in one transport must not take the worker down or skip the other channels.
      error = `Unexpected error: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  error = error.slice(0, MAX_ERROR_LENGTH);
  const delivery = result(error);
  if (!ctx.isTest) countNotification(channel.kind, error !== "");

  // updateMany: the channel or check may have been deleted while we were sending.
  await db.notification.updateMany({ where: { code: ctx.notificationCode }, data: { error } });
  await db.channel.updateMany({
    where: { id: channel.id },
    data: {
      lastNotify: new Date(),
      lastNotifyDuration: delivery.durationMs,
      lastError: error,
      ...(permanent ? { disabled: true } : {}),
    },
  });
  return delivery;
}

function isForeignKeyViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2003";
}

/**
 * The last ping received at or before the flip (Transport.last_ping). Pings after the flip are
 * excluded so a quick recovery does not show up in the "down" message.
 */
export async function findLastPing(flip: Pick<Flip, "checkId" | "createdAt">): Promise<Ping | null> {
  // Ordered by n (the primary key within a check) rather than created_at, which has no index;
  // n and created_at increase together because pings of one check are serialized.
  return getDb().ping.findFirst({
    where: { checkId: flip.checkId, createdAt: { lte: flip.createdAt } },
    orderBy: { n: "desc" },
  });
}
