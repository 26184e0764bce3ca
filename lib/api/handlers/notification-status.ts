// POST notifications/<code>/status (Healthchecks' notification_status): delivery callbacks
// from Twilio (the StatusCallback of lib/integrations/twilio.ts) and other callers. No API key:
// the notification's UUID is the secret. A form with `error` (+ optional `mark_disabled`), or
// Twilio's MessageStatus failed/undelivered or CallStatus failed, records the error on the
// Notification and the channel's last_error. Only notifications under an hour old are updated;
// the answer is always an empty 200.
import { getDb } from "../../db";
import { emptyResponse } from "../respond";
import type { ApiContext } from "../types";

const MAX_AGE_MS = 60 * 60 * 1000;

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

export async function notificationStatusHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const form = await readForm(req);
  const db = getDb();
  const notification = await db.notification.findFirst({
    where: { code: ctx.params.code, createdAt: { gt: new Date(Date.now() - MAX_AGE_MS) } },
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
