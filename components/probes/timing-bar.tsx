import type { ProbeTimings } from "@/lib/probes/types";
import { formatMs, getTimingSegments, type TimingPhase } from "./probe-display";

// Sequential blues, then a neutral for the rest: the phases read in order without relying on
// hue, and the legend carries the words.
const PHASE_COLORS: Record<TimingPhase, string> = {
  dns: "bg-sky-300 dark:bg-sky-800",
  connect: "bg-sky-500 dark:bg-sky-600",
  tls: "bg-indigo-500 dark:bg-indigo-400",
  ttfb: "bg-violet-600 dark:bg-violet-300",
  rest: "bg-slate-400 dark:bg-slate-500",
};

/**
 * Where one attempt's time went: a stacked bar of DNS lookup, TCP connect, TLS handshake, time to
 * first byte and the rest, with a legend that gives each phase in words and milliseconds (what
 * screen readers read; the bar itself is decoration).
 */
export function TimingBar({ timings, caption = "Timings" }: { timings: ProbeTimings; caption?: string }) {
  const segments = getTimingSegments(timings);
  return (
    <figure className="space-y-2">
      <figcaption className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{caption}</span>
        <span className="font-mono text-slate-600 dark:text-slate-400">total {formatMs(timings.total_ms)}</span>
      </figcaption>
      <div className="flex h-3 w-full overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800" aria-hidden="true">
        {segments.map((s) => (
          <div key={s.phase} className={`h-full ${PHASE_COLORS[s.phase]}`} style={{ width: `${s.percent.toFixed(2)}%` }} title={`${s.label}: ${formatMs(s.ms)}`} />
        ))}
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs sm:grid-cols-3">
        {segments.map((s) => (
          <div key={s.phase} className="flex items-center gap-1.5">
            <span className={`inline-block h-2.5 w-2.5 shrink-0 rounded-sm ${PHASE_COLORS[s.phase]}`} aria-hidden="true" />
            <dt className="text-slate-600 dark:text-slate-400">{s.label}</dt>
            <dd className="ml-auto font-mono">{formatMs(s.ms)}</dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}
