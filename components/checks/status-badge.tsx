import type { CheckStatus } from "@/lib/checks/status";

const LABELS: Record<CheckStatus, string> = {
  new: "New",
  up: "Up",
  degraded: "Degraded",
  grace: "Late",
  down: "Down",
  paused: "Paused",
  started: "Started",
};

const DESCRIPTIONS: Record<CheckStatus, string> = {
  new: "No pings received yet",
  up: "Pinged on time",
  degraded: "Degraded: the last probe run was slow or saw a certificate about to expire",
  grace: "Late: the ping is overdue, within the grace time",
  down: "Down: the ping did not arrive in time, or a failure was reported",
  paused: "Paused: not monitored until the next ping",
  started: "Started: the job is running",
};

const COLORS: Record<CheckStatus, string> = {
  new: "bg-new",
  up: "bg-up",
  degraded: "bg-degraded",
  grace: "bg-grace",
  down: "bg-down",
  paused: "bg-paused",
  started: "bg-started",
};

// Each status has its own shape too, so it reads without color.
const ICONS: Record<CheckStatus, string> = {
  up: "M3.5 8.5l3 3 6-7",
  degraded: "M8 3l5.5 10h-11zM8 7v2.5",
  down: "M4.5 4.5l7 7m0-7l-7 7",
  grace: "M8 3.5v5.5M8 11.5v1",
  paused: "M6 4v8M10 4v8",
  new: "M8 4.5v7M4.5 8h7",
  started: "M6 4.5l5 3.5-5 3.5z",
};

export function getStatusLabel(status: CheckStatus): string {
  return LABELS[status];
}

/** A check's status as a colored icon plus a text label (never color alone). */
export function StatusBadge({ status, size = "sm", showLabel = true }: { status: CheckStatus; size?: "sm" | "lg"; showLabel?: boolean }) {
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
