import { formatUptime, getUptimeGrade, type UptimeGrade } from "./probe-display";

/** Uptime percentages (0–100) of the periods; null when the check had no run in it. */
export interface UptimeValues {
  "24h": number | null;
  "7d": number | null;
  "30d": number | null;
  "90d": number | null;
}

const PERIODS: { key: keyof UptimeValues; label: string; longLabel: string }[] = [
  { key: "24h", label: "24 hours", longLabel: "Uptime over the last 24 hours" },
  { key: "7d", label: "7 days", longLabel: "Uptime over the last 7 days" },
  { key: "30d", label: "30 days", longLabel: "Uptime over the last 30 days" },
  { key: "90d", label: "90 days", longLabel: "Uptime over the last 90 days" },
];

const GRADE_COLORS: Record<UptimeGrade, string> = {
  good: "text-green-700 dark:text-green-400",
  fair: "text-amber-700 dark:text-amber-400",
  poor: "text-red-700 dark:text-red-400",
  none: "text-slate-500 dark:text-slate-400",
};

/** The check's uptime over 24 h, 7 d, 30 d and 90 d, as given (computed from the rollups elsewhere). */
export function UptimeFigures({ uptime }: { uptime: UptimeValues }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Uptime">
      {PERIODS.map((p) => (
        <div key={p.key} className="rounded-md border border-slate-200 px-3 py-2 dark:border-slate-800">
          <dt className="text-xs text-slate-500 dark:text-slate-400">
            <span aria-hidden="true">{p.label}</span>
            <span className="sr-only">{p.longLabel}</span>
          </dt>
          <dd className={`font-mono text-lg font-semibold ${GRADE_COLORS[getUptimeGrade(uptime[p.key])]}`}>
            {uptime[p.key] === null ? (
              <>
                <span aria-hidden="true">—</span>
                <span className="sr-only">no runs</span>
              </>
            ) : (
              formatUptime(uptime[p.key])
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
