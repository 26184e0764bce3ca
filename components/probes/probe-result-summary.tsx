import type { ProbeResult } from "@/lib/probes/types";
import { formatMs } from "./probe-display";
import { VerdictLabel } from "./results-log";
import { TimingBar } from "./timing-bar";

/**
 * One run at a glance: verdict, round trip, HTTP status, why it is down or degraded, and where the
 * time went (the attempt that explains the verdict: the first failed one, else the first).
 */
export function ProbeResultSummary({ result, heading }: { result: Pick<ProbeResult, "status" | "rtt_ms" | "http_status" | "error" | "notice" | "resolved_ip" | "attempts">; heading: string }) {
  const attempt = result.attempts.find((a) => a.error !== null) ?? result.attempts[0];
  return (
    <section aria-label={heading} className="space-y-3 rounded-md border border-slate-200 p-4 dark:border-slate-800">
      <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <span className="font-medium">{heading}</span>
        <VerdictLabel verdict={result.status} />
        <span className="font-mono">{formatMs(result.rtt_ms)}</span>
        {result.http_status !== null && <span>HTTP {result.http_status}</span>}
        {result.resolved_ip && <span className="font-mono text-slate-500 dark:text-slate-400">{result.resolved_ip}</span>}
      </p>
      {result.error && <p className="text-sm text-red-700 dark:text-red-400">{result.error}</p>}
      {result.notice && <p className="text-sm text-amber-700 dark:text-amber-400">{result.notice}</p>}
      {attempt && <TimingBar timings={attempt.timings} />}
    </section>
  );
}
