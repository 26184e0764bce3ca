import { formatDateTime } from "@/lib/format";
import type { ProbeResult, ProbeVerdict } from "@/lib/probes/types";
import { VERDICT_COLORS, VERDICT_LABELS, formatMs } from "./probe-display";

/** A run's verdict as a coloured dot and its word (never the colour alone). */
export function VerdictLabel({ verdict }: { verdict: ProbeVerdict }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <span className={`inline-block h-2.5 w-2.5 rounded-full ${VERDICT_COLORS[verdict]}`} aria-hidden="true" />
      {VERDICT_LABELS[verdict]}
    </span>
  );
}

export type ResultsLogRow = Pick<ProbeResult, "date" | "region" | "status" | "rtt_ms" | "http_status" | "notice" | "error">;

/**
 * The probe's runs, newest first as given: when, where, the verdict, round trip, HTTP status and
 * why. Runs inside one of `maintenance` (the check's maintenance windows) are marked: they are
 * recorded but alert nobody and do not count as downtime.
 */
export function ResultsLog({ results, tz = "UTC", maintenance = [] }: { results: ResultsLogRow[]; tz?: string; maintenance?: { start: Date; end: Date }[] }) {
  const inMaintenance = (date: Date) => maintenance.some((w) => w.start.getTime() <= date.getTime() && date.getTime() < w.end.getTime());
  if (results.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No runs yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Probe results, newest first, times in {tz}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
            <th scope="col" className="py-2 pr-3 font-medium">
              Date
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Region
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Verdict
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Round trip
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              HTTP
            </th>
            <th scope="col" className="py-2 font-medium">
              Notice / error
            </th>
          </tr>
        </thead>
        <tbody>
          {results.map((r, i) => (
            <tr key={`${r.date.getTime()}-${r.region}-${i}`} className="border-b border-slate-100 align-top dark:border-slate-800/60">
              <td className="py-2 pr-3 whitespace-nowrap font-mono text-xs">
                <time dateTime={r.date.toISOString()}>{formatDateTime(r.date, tz, { seconds: true })}</time>
              </td>
              <td className="py-2 pr-3">{r.region}</td>
              <td className="py-2 pr-3">
                <VerdictLabel verdict={r.status} />
                {inMaintenance(r.date) && (
                  <span className="ml-1 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-medium text-sky-800 dark:bg-sky-950 dark:text-sky-200">maintenance</span>
                )}
              </td>
              <td className="py-2 pr-3 text-right font-mono whitespace-nowrap">{formatMs(r.rtt_ms)}</td>
              <td className="py-2 pr-3 text-right font-mono">{r.http_status ?? <span className="text-slate-400">—</span>}</td>
              <td className="py-2 break-words">
                {r.error ? (
                  <span className="text-red-700 dark:text-red-400">{r.error}</span>
                ) : r.notice ? (
                  <span className="text-amber-700 dark:text-amber-400">{r.notice}</span>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
