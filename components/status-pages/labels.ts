// The words the web app shows for Statuspage's values, and the colours that go with them. The
// stored values stay Statuspage's (lib/status-pages/types.ts); only these labels are for people.
import { COMPONENT_STATUS_LABELS } from "@/lib/status-pages/component-status";
import type { Impact, PageAccess, PageTheme } from "@/lib/status-pages/types";

export {
  COMPONENT_STATUS_LABELS as COMPONENT_STATUS_LABEL,
  INCIDENT_STATUS_LABELS as INCIDENT_STATUS_LABEL,
  MAINTENANCE_STATUS_LABELS as MAINTENANCE_STATUS_LABEL,
  getUpdateStatusLabel as updateStatusLabel,
} from "@/lib/status-pages/component-status";

export const IMPACT_LABEL: Record<Impact, string> = {
  none: "None",
  minor: "Minor",
  major: "Major",
  critical: "Critical",
};

export const ACCESS_LABEL: Record<PageAccess, string> = {
  public: "Public",
  password: "Password",
  members: "Project members",
};

export const THEME_LABEL: Record<PageTheme, string> = {
  system: "Follow the visitor's system",
  light: "Light",
  dark: "Dark",
};

export function componentStatusLabel(status: string): string {
  return (COMPONENT_STATUS_LABELS as Record<string, string>)[status] ?? status;
}

const TONE = {
  good: "bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-400/30",
  warn: "bg-amber-50 text-amber-900 ring-amber-600/20 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-400/30",
  bad: "bg-red-50 text-red-800 ring-red-600/20 dark:bg-red-950 dark:text-red-200 dark:ring-red-400/30",
  info: "bg-sky-50 text-sky-800 ring-sky-600/20 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-400/30",
  plain: "bg-slate-100 text-slate-700 ring-slate-500/20 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-400/30",
} as const;
export type Tone = keyof typeof TONE;

export function toneClass(tone: Tone): string {
  return `inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE[tone]}`;
}

export function impactTone(impact: string): Tone {
  return impact === "critical" || impact === "major" ? "bad" : impact === "minor" ? "warn" : impact === "maintenance" ? "info" : "plain";
}

export function updateStatusTone(status: string): Tone {
  if (status === "resolved" || status === "postmortem" || status === "completed") return "good";
  if (status === "monitoring" || status === "verifying") return "info";
  if (status === "scheduled" || status === "in_progress") return "info";
  return "warn";
}

export function componentStatusTone(status: string): Tone {
  if (status === "operational") return "good";
  if (status === "degraded_performance" || status === "partial_outage") return "warn";
  if (status === "major_outage") return "bad";
  return "info";
}
