/** Statuses stored in checks.status. */
export type StoredStatus = "new" | "up" | "down" | "paused";
/** What getStatus() reports: "grace" (UI: late) and, in API v1, "started" are computed. */
export type CheckStatus = StoredStatus | "grace" | "started";
export type CheckKind = "simple" | "cron" | "oncalendar";

/** The fields the state machine reads. Prisma's Check row satisfies it. */
export interface CheckTiming {
  kind: string;
  /** Seconds. */
  timeout: number;
  /** Seconds. */
  grace: number;
  schedule: string;
  tz: string;
  status: string;
  lastPing: Date | null;
  lastStart: Date | null;
}

/** The Prisma `select` that reads a CheckTiming, for queries that compute statuses. */
export const CHECK_TIMING_SELECT = {
  kind: true,
  timeout: true,
  grace: true,
  schedule: true,
  tz: true,
  status: true,
  lastPing: true,
  lastStart: true,
} as const satisfies Record<keyof CheckTiming, true>;
