import type { CheckStatus } from "@/lib/checks/status";

/**
 * Every status the web app shows: the check statuses, and "degraded" (a probe check that answers,
 * but slowly or with a certificate about to expire). Spelled out here so the UI handles it even
 * where a status type does not list it yet.
 */
export type ShownStatus = CheckStatus | "degraded";

const LABELS: Record<ShownStatus, string> = {
  new: "New",
  up: "Up",
  degraded: "Degraded",
  grace: "Late",
  down: "Down",
  paused: "Paused",
  started: "Started",
};

const DESCRIPTIONS: Record<ShownStatus, string> = {
  new: "No pings received yet",
  up: "Pinged on time",
  degraded: "Degraded: the service answers, but too slowly or with a certificate about to expire",
  grace: "Late: the ping is overdue, within the grace time",
  down: "Down: the ping did not arrive in time, or a failure was reported",
  paused: "Paused: not monitored until the next ping",
  started: "Started: the job is running",
};

const COLORS: Record<ShownStatus, string> = {
  new: "bg-new",
  up: "bg-up",
  degraded: "bg-degraded",
  grace: "bg-grace",
  down: "bg-down",
  paused: "bg-paused",
  started: "bg-started",
};

// Each status has its own shape too, so it reads without color.
const ICONS: Record<ShownStatus, string> = {
  up: "M3.5 8.5l3 3 6-7",
  down: "M4.5 4.5l7 7m0-7l-7 7",
  // A falling line: working, but worse than it should.
  degraded: "M3.5 5.5l3.5 3.5 2-2 3.5 3.5",
  grace: "M8 3.5v5.5M8 11.5v1",
  paused: "M6 4v8M10 4v8",
  new: "M8 4.5v7M4.5 8h7",
  started: "M6 4.5l5 3.5-5 3.5z",
};

export function getStatusLabel(status: ShownStatus): string {
  return LABELS[status];
}

/** A check's status as a colored icon plus a text label (never color alone). */
export function StatusBadge({ status, size = "sm", showLabel = true }: { status: ShownStatus; size?: "sm" | "lg"; showLabel?: boolean }) {
  const box = size === "lg" ? "h-8 w-8" : "h-5 w-5";
  return (
    <span className="inline-flex items-center gap-2" title={DESCRIPTIONS[status]}>
      <span className={`inline-flex shrink-0 items-center justify-center rounded-full text-white ${COLORS[status]} ${box}`} aria-hidden="true">
        <svg viewBox="0 0 16 16" className={size === "lg" ? "h-5 w-5" : "h-3.5 w-3.5"} fill={status === "started" ? "currentColor" : "none"} stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d={ICONS[status]} />
        </svg>
      </span>
      <span className={showLabel ? (size === "lg" ? "text-lg font-semibold" : "text-sm font-medium") : "sr-only"}>{LABELS[status]}</span>
    </span>
  );
}
