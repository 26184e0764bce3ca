import { z } from "zod";
import { getDb, type User } from "../db";
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

/** Stores the account settings (time zone, theme, reports, reminders); throws ZodError for bad input. */
export async function updateAccountSettings(userId: number, input: AccountSettingsInput): Promise<User> {
  const data = accountSettingsSchema.parse(input);
  return getDb().user.update({ where: { id: userId }, data });
}
