// Monthly Twilio quotas, as in Healthchecks: SMS and WhatsApp share the project owner's smsLimit, phone calls
// use callLimit; the counters restart each calendar month (UTC). Each step is one conditional
// UPDATE, so concurrent sendalerts processes never consume more than the limit: the database
// re-checks the WHERE clause on the row it locks (PostgreSQL) or runs writes one at a time (SQLite).
// Once a month is used up, the first refused send bumps the counter to limit + 1; that single
// winner sends the "limit exceeded" notice, so it goes out once per month per owner.
import { getDb } from "../../db";
import { getEnv } from "../../env";
import { sendMail } from "../../mail";

export type PhoneQuotaKind = "sms" | "call";

/** "YYYY-MM" of `now` in UTC. */
export function quotaMonth(now: Date): string {
  return now.toISOString().slice(0, 7);
}

function columns(kind: PhoneQuotaKind) {
  const fields = getDb().user.fields;
  return kind === "sms"
    ? ({ sent: "smsSent", month: "smsSentMonth", limit: "smsLimit", limitRef: fields.smsLimit } as const)
    : ({ sent: "callsSent", month: "callsSentMonth", limit: "callLimit", limitRef: fields.callLimit } as const);
}

/**
 * Consumes one SMS/WhatsApp message or phone call from the user's monthly quota. True when
 * allowed (and counted), false when this month's limit is reached.
 */
export async function consumePhoneQuota(ownerId: number, kind: PhoneQuotaKind, now: Date): Promise<boolean> {
  const db = getDb();
  const c = columns(kind);
  const month = quotaMonth(now);
  // A new month: restart the counter at this send.
  const reset = await db.user.updateMany({
    where: { id: ownerId, [c.month]: { not: month }, [c.limit]: { gt: 0 } },
    data: { [c.month]: month, [c.sent]: 1 },
  });
  if (reset.count > 0) return true;
  const used = await db.user.updateMany({
    where: { id: ownerId, [c.month]: month, [c.sent]: { lt: c.limitRef } },
    data: { [c.sent]: { increment: 1 } },
  });
  return used.count > 0;
}

/**
 * After consumePhoneQuota refused: true for exactly one caller per owner and month (the one that
 * moves the counter from the limit to limit + 1), who should send the notice.
 */
export async function claimPhoneQuotaNotice(ownerId: number, kind: PhoneQuotaKind, now: Date): Promise<boolean> {
  const db = getDb();
  const c = columns(kind);
  const month = quotaMonth(now);
  // A limit of 0 never starts a month; claim its notice by starting one at limit + 1 = 1.
  const fresh = await db.user.updateMany({
    where: { id: ownerId, [c.month]: { not: month }, [c.limit]: { lte: 0 } },
    data: { [c.month]: month, [c.sent]: 1 },
  });
  if (fresh.count > 0) return true;
  const claimed = await db.user.updateMany({
    where: { id: ownerId, [c.month]: month, [c.sent]: { equals: c.limitRef } },
    data: { [c.sent]: { increment: 1 } },
  });
  return claimed.count > 0;
}

/**
 * Emails the project's owner and members that the owner's monthly limit is used up (Healthchecks'
 * "sms_limit"/"call_limit" emails). Skipped when EMAIL_HOST is unset; mail errors are swallowed,
 * the refused notification already records the problem.
 */
export async function sendPhoneQuotaNotice(projectId: number, kind: PhoneQuotaKind): Promise<void> {
  const env = getEnv();
  if (!env.email.host) return;
  const project = await getDb().project.findUnique({
    where: { id: projectId },
    include: { owner: true, members: { include: { user: true } } },
  });
  if (!project) return;
  const limit = kind === "sms" ? project.owner.smsLimit : project.owner.callLimit;
  const what = kind === "sms" ? "SMS and WhatsApp message" : "phone call";
  const subject = kind === "sms" ? "Monthly SMS limit exceeded" : "Monthly phone call limit exceeded";
  const text = [
    "Hello,",
    "",
    `The account that owns the project "${project.name || project.code}" on ${env.siteName} has used up its monthly ${what} limit (${limit} per month).`,
    `Further ${what}s will not be sent until the start of next month; other notification methods keep working.`,
    "",
    `${env.siteRoot}/`,
  ].join("\n");
  const recipients = [...new Set([project.owner.email, ...project.members.map((m) => m.user.email)])];
  for (const to of recipients) {
    try {
      await sendMail({ to, subject, text });
    } catch {
      // best effort
    }
  }
}

/**
 * What the transports call before each send: consumes a unit from the project owner's quota, or
 * sends the once-a-month notice and returns the error message to raise.
 */
export async function checkPhoneQuota(
  project: { id: number; ownerId: number },
  kind: PhoneQuotaKind,
  now = new Date(),
): Promise<string | null> {
  if (await consumePhoneQuota(project.ownerId, kind, now)) return null;
  if (await claimPhoneQuotaNotice(project.ownerId, kind, now)) await sendPhoneQuotaNotice(project.id, kind);
  return kind === "sms" ? "Monthly SMS limit exceeded" : "Monthly phone call limit exceeded";
}
