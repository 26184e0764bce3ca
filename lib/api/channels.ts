// The channels endpoints: Healthchecks' read-only channels/ list, and Vigil's extension that
// creates, changes and deletes channels through the same verbs as the integrations pages; plus
// notifications/<uuid>/status, where delivery services report what became of a notification.
import { channelToDict } from "../channels/channel-input";
import { createChannel } from "../channels/create-channel";
import { deleteChannel } from "../channels/delete-channel";
import { updateChannel } from "../channels/update-channel";
import { requireChannelAccess } from "../auth/permissions";
import { getDb } from "../db";
import { authorize, emptyResponse, jsonResponse, type ApiContext } from "./protocol";

/** GET channels/ (read-write keys only). */
export async function listChannelsHandler(req: Request, _ctx: ApiContext): Promise<Response> {
  const { project } = await authorize(req, "write");
  const channels = await getDb().channel.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" } });
  return jsonResponse({ channels: channels.map(channelToDict) });
}

/**
 * GET channels/<uuid> (Vigil extension, v3, read-write keys only): the channel with its stored
 * config, which a read-write key could set anyway. Unknown: empty 404; another project's: 403.
 */
export async function getChannelHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "write");
  const { channel } = await requireChannelAccess(actor, ctx.params.code, "write");
  return jsonResponse({ ...channelToDict(channel), config: JSON.parse(channel.config) as unknown, notify_degraded: channel.notifyDegraded });
}

/**
 * POST channels/ (Vigil extension): {"kind", "name"?, "config", "checks"?, "notify_degraded"?} creates a channel
 * and answers 201 {"id", "name", "kind"}. A Matrix channel's bot joins its room first, as on
 * the setup page (400 when it cannot).
 */
export async function createChannelHandler(req: Request, _ctx: ApiContext): Promise<Response> {
  const { actor, project, json } = await authorize(req, "write");
  const { channel } = await createChannel({ actor, projectCode: project.code, input: json });
  return jsonResponse(channelToDict(channel), 201);
}

/** POST channels/<uuid> (Vigil extension): changes name, config, checks and/or notify_degraded. */
export async function updateChannelHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor, json } = await authorize(req, "write");
  const { channel } = await updateChannel({ actor, channelCode: ctx.params.code, input: json });
  return jsonResponse(channelToDict(channel));
}

/** DELETE channels/<uuid> (Vigil extension): answers with the deleted channel. */
export async function deleteChannelHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "write");
  return jsonResponse(channelToDict(await deleteChannel({ actor, channelCode: ctx.params.code })));
}

const NOTIFICATION_STATUS_MAX_AGE_MS = 60 * 60 * 1000;

async function readForm(req: Request): Promise<URLSearchParams> {
  try {
    const type = req.headers.get("content-type") ?? "";
    if (type.startsWith("multipart/form-data")) {
      const form = await req.formData();
      const params = new URLSearchParams();
      for (const [key, value] of form.entries()) if (typeof value === "string") params.append(key, value);
      return params;
    }
    return new URLSearchParams(await req.text());
  } catch {
    return new URLSearchParams();
  }
}

/**
 * POST notifications/<code>/status (Healthchecks' notification_status): delivery callbacks from
 * Twilio (the StatusCallback its transport sets) and other callers. No API key: the
 * notification's UUID is the secret. A form with `error` (+ optional `mark_disabled`), or
 * Twilio's MessageStatus failed/undelivered or CallStatus failed, records the error on the
 * Notification and the channel's last_error. Only notifications under an hour old are updated;
 * the answer is always an empty 200.
 */
export async function notificationStatusHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const form = await readForm(req);
  const db = getDb();
  const notification = await db.notification.findFirst({
    where: { code: ctx.params.code, createdAt: { gt: new Date(Date.now() - NOTIFICATION_STATUS_MAX_AGE_MS) } },
  });
  if (!notification) return emptyResponse(200);

  let error = "";
  let markDisabled = false;
  const generic = form.get("error");
  if (generic) {
    error = generic.slice(0, 200);
    markDisabled = Boolean(form.get("mark_disabled"));
  }
  const messageStatus = form.get("MessageStatus");
  if (messageStatus === "failed" || messageStatus === "undelivered") error = `Delivery failed (status=${messageStatus}).`;
  if (form.get("CallStatus") === "failed") error = "Delivery failed (status=failed).";

  if (error) {
    await db.notification.update({ where: { id: notification.id }, data: { error } });
    await db.channel.update({
      where: { id: notification.channelId },
      data: { lastError: error, ...(markDisabled ? { disabled: true } : {}) },
    });
  }
  return emptyResponse(200);
}
