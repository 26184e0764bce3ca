import { claimDueReminder } from "./claim-due-reminder";
import { deliverFlip, type DeliveryReport } from "./deliver-flip";

/**
 * One step of sendalerts' reminders: claims the reminder due longest and sends it to the
 * check's channels before returning (one Notification per channel, marked as a reminder).
 * Returns the delivery report, or null when no reminder is due, so
 * `while (await sendDueReminders())` sends them all. runSendalerts() claims reminders into its
 * delivery pool instead, so a slow endpoint holds up nothing else.
 */
export async function sendDueReminders(now: Date = new Date()): Promise<DeliveryReport | null> {
  const flip = await claimDueReminder(now);
  return flip ? deliverFlip(flip) : null;
}
