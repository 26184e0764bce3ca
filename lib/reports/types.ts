import type { CheckStatus } from "../checks/status";

/** Profile.reports values that send something ("off" sends nothing). */
export type ReportFrequency = "daily" | "weekly" | "monthly";

export const ACTIVE_REPORT_FREQUENCIES: readonly ReportFrequency[] = ["daily", "weekly", "monthly"];

/** One past period of a report: a day, a week (Monday to Sunday) or a month in the user's zone. */
export interface ReportPeriod {
  start: Date;
  /** First instant of the next period. */
  end: Date;
}

export interface ReportDowntime {
  /** Down stretches overlapping the period. */
  outages: number;
  downSeconds: number;
  /** The check did not exist yet during the period. */
  noData: boolean;
}

export interface ReportCheck {
  name: string;
  tags: string[];
  /** getStatus() now: new, paused, up, grace (late) or down. */
  status: CheckStatus;
  /** The login-protected link to the check's page (never the UUID, which is a ping secret). */
  url: string;
  lastPing: Date | null;
  /** One per report period, oldest first; empty in a nag. */
  downtimes: ReportDowntime[];
}

export interface ReportProject {
  name: string;
  url: string;
  checks: ReportCheck[];
}

/** What one sendreports step did for the account it claimed. */
export interface SendResult {
  email: string;
  /** False when there was nothing to send (no recent pings; for nags, nothing down) or sending failed. */
  sent: boolean;
  /** Why the mail server did not take the message. */
  error?: string;
}

/** Everything a report or nag email shows (Healthchecks' send_report context). */
export interface Report {
  kind: "report" | "nag";
  frequency: ReportFrequency;
  /** Seconds between nags (Profile.nag_period); 0 in a report. */
  nagPeriod: number;
  email: string;
  /** The user's time zone, for period labels and dates. */
  tz: string;
  /** The two periods before the current one, oldest first; empty in a nag. */
  periods: ReportPeriod[];
  projects: ReportProject[];
  /** Checks down now, over all projects shown. */
  numDown: number;
  unsubscribeUrl: string;
  /** Where the user changes report and reminder settings. */
  settingsUrl: string;
  now: Date;
}
