import type { RegionFigures } from "@/lib/probes/region-figures";
import { describeSilentRegion, formatMs } from "./probe-display";
import { VerdictLabel } from "./results-log";

/**
 * A multi-region check's regions: each one's last run and round trip, its median round trip over
 * the last hour, and a note for each region no live agent covers (its rounds count as no data).
 */
export function RegionTable({ regions, quorum, now }: { regions: RegionFigures[]; quorum: number; now: Date }) {
  const silent = regions.filter((r) => r.isSilent);
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Down when {quorum} of {regions.length} regions fail in the same round; fewer failing regions make it degraded.
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">Latency per region</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
              <th scope="col" className="py-2 pr-3 font-medium">
                Region
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Last status
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                Last round trip
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                p50, last hour
              </th>
            </tr>
          </thead>
          <tbody>
            {regions.map((r) => (
              <tr key={r.region} className="border-b border-slate-100 last:border-0 dark:border-slate-800/60">
                <th scope="row" className="py-2 pr-3 text-left font-mono font-normal">
                  {r.region}
                </th>
                <td className="py-2 pr-3">{r.last ? <VerdictLabel verdict={r.last.status} /> : "No runs yet"}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{r.last ? formatMs(r.last.rttMs) : "—"}</td>
                <td className="py-2 text-right tabular-nums">{r.p50Ms === null ? "—" : formatMs(r.p50Ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {silent.length > 0 && (
        <ul className="space-y-1 text-sm text-amber-700 dark:text-amber-400">
          {silent.map((r) => (
            <li key={r.region}>{describeSilentRegion(r.region, r.lastSeenAt, now)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
