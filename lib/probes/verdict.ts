// The verdict of one run, by Checkup's rules: any failed attempt makes it down; otherwise a slow
// median round trip or a certificate about to expire makes it degraded, with a notice saying why.
// Pure: runProbe and `vigil check` (exec checkers included) both judge with it.
import type { ProbeVerdict } from "./types";

const DAY_MS = 86_400_000;

export const SLOW_NOTICE = "median round trip time exceeded threshold";

export interface VerdictInput {
  attempts: readonly { rtt_ms: number; error: string | null }[];
  /** Milliseconds; 0 = off. */
  threshold_rtt: number;
  /** The certificate the target showed, if any. */
  cert_expires: Date | null;
  /** Days; null when the probe type does not judge certificates (tcp, dns), 0 = off. */
  cert_expiry_threshold: number | null;
  now: Date;
}

export interface Verdict {
  status: ProbeVerdict;
  notice: string | null;
  error: string | null;
}

/** The median of the values (the mean of the two middle ones for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function judgeRun(input: VerdictInput): Verdict {
  const failed = input.attempts.find((a) => a.error !== null);
  if (failed) return { status: "down", notice: null, error: failed.error };
  const judgesCert = input.cert_expiry_threshold !== null && input.cert_expires !== null;
  const remaining = judgesCert ? (input.cert_expires as Date).getTime() - input.now.getTime() : Infinity;
  // An expired leaf is down even with tls_skip_verify: skipping verification is for private CAs
  // and self-signed certificates, not for ignoring a certificate clients will refuse. Checkup's
  // tls checker marks an expired leaf down the same way.
  if (remaining <= 0) return { status: "down", notice: null, error: "certificate has expired" };
  if (input.threshold_rtt > 0 && median(input.attempts.map((a) => a.rtt_ms)) > input.threshold_rtt) {
    return { status: "degraded", notice: SLOW_NOTICE, error: null };
  }
  const threshold = input.cert_expiry_threshold ?? 0;
  if (threshold > 0 && remaining < threshold * DAY_MS) {
    const days = Math.floor(remaining / DAY_MS);
    return { status: "degraded", notice: `certificate expires in ${days} ${days === 1 ? "day" : "days"}`, error: null };
  }
  return { status: "healthy", notice: null, error: null };
}
