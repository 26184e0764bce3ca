import type { DowntimeRecord } from "@/lib/checks/downtime";
import { formatApproxDuration } from "@/lib/format";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function formatUptime(uptime: number): string {
  // Two decimals, but never round a real outage up to a perfect 100%.
  const percent = Math.floor(uptime * 10_000) / 100;
  return `${percent.toFixed(2)}%`;
}

/** Downtime per month (this month and the two before), in the viewer's time zone. */
export function DowntimeTable({ months, tz }: { months: DowntimeRecord[]; tz: string }) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Downtime by month, {tz} time</caption>
      <thead>
        <tr className="text-left text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
          <th scope="col" className="py-1 pr-2 font-medium">
            Month
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            Downtime
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-medium">
            Outages
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Uptime
          </th>
        </tr>
      </thead>
      <tbody>
        {months.map((m) => (
          <tr key={`${m.year}-${m.month}`} className="border-t border-slate-100 dark:border-slate-800">
            <th scope="row" className="py-1.5 pr-2 text-left font-medium">
              {MONTHS[m.month - 1]} {m.year}
            </th>
            {m.noData ? (
              <td colSpan={3} className="py-1.5 text-slate-500 dark:text-slate-400">
                No data: the check did not exist yet
              </td>
            ) : (
              <>
                <td className="py-1.5 pr-2">{m.outages === 0 ? "None" : formatApproxDuration(m.downSeconds)}</td>
                <td className="py-1.5 pr-2 text-right tabular-nums">{m.outages}</td>
                <td className={`py-1.5 text-right tabular-nums ${m.outages ? "text-red-700 dark:text-red-400" : ""}`}>{formatUptime(m.uptime ?? 1)}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
