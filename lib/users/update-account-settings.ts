import { z } from "zod";
import type { Actor } from "../auth/actor";
import { requireAccount } from "../auth/permissions";
import { inTransaction, type Tx, type User } from "../db";
import { chooseNextReportDate } from "../reports/choose-next-report-date";
import { updateNextNagDates } from "../checks/update-next-nag-dates";
import { normalizeTimezone } from "../schedules/normalize-timezone";

export const THEMES = ["system", "light", "dark"] as const;
export const REPORT_FREQUENCIES = ["off", "daily", "weekly", "monthly"] as const;
/** Seconds between "still down" reminders, as Healthchecks offers them: off, hourly, daily. */
export const NAG_PERIODS = [0, 3600, 86_400] as const;

export const accountSettingsSchema = z.object({
  tz: z.string().transform((tz, ctx) => {
    const normalized = normalizeTimezone(tz);
    if (!normalized) ctx.addIssue({ code: "custom", message: "Please choose a time zone from the list." });
    return normalized ?? tz;
  }),
  theme: z.enum(THEMES, { error: "Please choose light, dark or system." }),
  reports: z.enum(REPORT_FREQUENCIES, { error: "Please choose a report frequency." }),
  nagPeriod: z.coerce
    .number()
    .refine((n) => (NAG_PERIODS as readonly number[]).includes(n), { error: "Please choose a reminder period." }),
});

/** Raw values, e.g. from a form; the schema decides what is acceptable. */
export type AccountSettingsInput = Record<keyof z.input<typeof accountSettingsSchema>, unknown>;

export interface UpdateAccountSettingsOptions {
  actor: Actor;
  settings: AccountSettingsInput;
  tx?: Tx;
  now?: Date;
}

/**
 * Stores the actor's account settings (time zone, theme, reports, reminders); throws ZodError
 * for bad input. A new report frequency or time zone schedules the next report afresh. A new
 * reminder period restarts the reminders, one new period from now if a check is down, so that
 * switching from daily to hourly takes effect within the hour (Healthchecks keeps the old date).
 */
export async function updateAccountSettings({ actor, settings, tx, now = new Date() }: UpdateAccountSettingsOptions): Promise<User> {
  return inTransaction(tx, async (tx) => {
    const before = await requireAccount(actor, tx);
    const data = accountSettingsSchema.parse(settings);
    const reportsChanged = data.reports !== before.reports || data.tz !== before.tz;
    const nagChanged = data.nagPeriod !== before.nagPeriod;
    const user = await tx.user.update({
      where: { id: before.id },
      data: {
        ...data,
        ...(reportsChanged ? { nextReportDate: chooseNextReportDate(data.reports, data.tz) } : {}),
        ...(nagChanged ? { nextNagDate: null } : {}),
      },
    });
    if (!nagChanged) return user;
    await updateNextNagDates({ userId: user.id }, now, tx);
    return tx.user.findUniqueOrThrow({ where: { id: user.id } });
  });
}
