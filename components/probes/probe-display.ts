// How the probe components turn results into words, numbers and geometry: pure, so the browser,
// the server and table-driven tests share them.
import type { ProbeResult, ProbeTimings, ProbeVerdict } from "@/lib/probes/types";

export type TimingPhase = "dns" | "connect" | "tls" | "ttfb" | "rest";

export interface TimingSegment {
  phase: TimingPhase;
  label: string;
  ms: number;
  /** Share of the total, 0–100. */
  percent: number;
}

const PHASES: { phase: Exclude<TimingPhase, "rest">; key: keyof ProbeTimings; label: string }[] = [
  { phase: "dns", key: "dns_ms", label: "DNS lookup" },
  { phase: "connect", key: "connect_ms", label: "TCP connect" },
  { phase: "tls", key: "tls_ms", label: "TLS handshake" },
  { phase: "ttfb", key: "ttfb_ms", label: "Time to first byte" },
];

/**
 * The phases of one attempt in the order they happen, each as its own duration, then "rest"
 * (reading the response, or whatever the total holds beyond the measured phases). Phases that
 * did not happen (null: no DNS for an IP address, no TLS for plain HTTP) are left out. When the
 * phases add up to more than the total (clocks read at different points), the shares are of
 * their sum, so the bar never overflows.
 */
export function getTimingSegments(timings: ProbeTimings): TimingSegment[] {
  const measured = PHASES.filter((p) => timings[p.key] !== null).map((p) => ({ phase: p.phase, label: p.label, ms: Math.max(0, timings[p.key] ?? 0) }));
  const sum = measured.reduce((total, s) => total + s.ms, 0);
  const rest = Math.max(0, timings.total_ms - sum);
  const all = rest > 0 ? [...measured, { phase: "rest" as const, label: "Rest of the response", ms: rest }] : measured;
  const whole = Math.max(timings.total_ms, sum);
  return all.map((s) => ({ ...s, percent: whole > 0 ? (s.ms / whole) * 100 : 0 }));
}

/** Three significant figures, fixed to match: 9.999 → "10.0", 123.4 → "123". */
function threeFigures(value: number): string {
  const rounded = Number(value.toPrecision(3));
  return rounded >= 100 ? rounded.toFixed(0) : rounded >= 10 ? rounded.toFixed(1) : rounded.toFixed(2);
}

/** "0.42 ms", "12.3 ms", "123 ms", "1.23 s", "12.3 s": three significant figures. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  if (Number(ms.toPrecision(3)) < 1000) return `${threeFigures(ms)} ms`;
  return `${threeFigures(ms / 1000)} s`;
}

export const VERDICT_LABELS: Record<ProbeVerdict, string> = { healthy: "Healthy", degraded: "Degraded", down: "Down" };
/** The check status colours: a healthy run is an "up" ping. */
export const VERDICT_COLORS: Record<ProbeVerdict, string> = { healthy: "bg-up", degraded: "bg-degraded", down: "bg-down" };

/**
 * An uptime percentage (0–100) with two decimals, never rounded up to a perfect "100%" that did
 * not happen (99.996 reads "99.99%"); null, no runs in the period, reads "—".
 */
export function formatUptime(percent: number | null): string {
  if (percent === null || !Number.isFinite(percent)) return "—";
  if (percent >= 100) return "100%";
  const floored = Math.floor(Math.max(0, percent) * 100) / 100;
  return `${floored.toFixed(2)}%`;
}

export type UptimeGrade = "good" | "fair" | "poor" | "none";

/** good ≥ 99.9 %, fair ≥ 99 %, else poor; colours go with the figure, never instead of it. */
export function getUptimeGrade(percent: number | null): UptimeGrade {
  if (percent === null || !Number.isFinite(percent)) return "none";
  if (percent >= 99.9) return "good";
  if (percent >= 99) return "fair";
  return "poor";
}

export type CertificateState = "valid" | "expiring" | "expired";

/**
 * Whole days until the certificate expires (a part day does not count: an expiry later today is
 * 0 days left), negative whole days since it expired, and whether it is within `thresholdDays`.
 */
export function getCertificateState(expires: Date, now: Date, thresholdDays: number): { daysLeft: number; state: CertificateState } {
  const ms = expires.getTime() - now.getTime();
  if (ms <= 0) return { daysLeft: 0 - Math.floor(-ms / 86_400_000), state: "expired" };
  const daysLeft = Math.floor(ms / 86_400_000);
  return { daysLeft, state: daysLeft < thresholdDays ? "expiring" : "valid" };
}

/** "expires in 3 days", "expires today", "expired 2 days ago", "expired today". */
export function describeCertificateExpiry(daysLeft: number, state: CertificateState): string {
  const days = (n: number) => (n === 1 ? "1 day" : `${n} days`);
  if (state === "expired") return daysLeft === 0 ? "expired today" : `expired ${days(-daysLeft)} ago`;
  return daysLeft === 0 ? "expires today" : `expires in ${days(daysLeft)}`;
}

export type ChartRange = "24h" | "7d" | "30d";

export const CHART_RANGES: { range: ChartRange; label: string; longLabel: string; ms: number }[] = [
  { range: "24h", label: "24 h", longLabel: "the last 24 hours", ms: 86_400_000 },
  { range: "7d", label: "7 d", longLabel: "the last 7 days", ms: 7 * 86_400_000 },
  { range: "30d", label: "30 d", longLabel: "the last 30 days", ms: 30 * 86_400_000 },
];

/**
 * The top of a chart's value axis: the smallest 1, 2, 2.5 or 5 × 10ⁿ at or above `max`, so the
 * ticks (quarters of it) are round numbers. 0 or less gives 1.
 */
export function getNiceCeiling(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * magnitude >= max - 1e-9 * magnitude) return step * magnitude;
  }
  return 10 * magnitude;
}

/** One point of the response-time chart: a single run, or a rollup bucket of runs. */
export interface ChartPoint {
  /** ms since epoch: the run's date or the bucket's start. */
  at: number;
  /** The run's round trip, or the bucket's median; null when the bucket had no successful run. */
  p50: number | null;
  /** Buckets only. */
  p95: number | null;
  max: number | null;
  /** Failed runs at this point (1 for a failed run). */
  failures: number;
}

/** The SVG path of a line through the values `pick` takes from the points; a null value breaks the line. */
export function getLinePaths(points: ChartPoint[], pick: (p: ChartPoint) => number | null, x: (at: number) => number, y: (ms: number) => number): string {
  let path = "";
  let drawing = false;
  for (const point of points) {
    const value = pick(point);
    if (value === null) {
      drawing = false;
      continue;
    }
    path += `${drawing ? "L" : "M"}${x(point.at).toFixed(1)} ${y(value).toFixed(1)}`;
    drawing = true;
  }
  return path;
}

/** A rollup bucket (hourly or daily) as the chart reads it. Times in ms. */
export interface ResponseTimeBucket {
  start: Date;
  p50: number | null;
  p95: number | null;
  max: number | null;
  failures: number;
}

export type ChartResult = Pick<ProbeResult, "date" | "rtt_ms" | "status">;

/**
 * Runs and buckets as chart points, oldest first. A failed run has no response time to draw
 * (its round trip is how long it took to fail), only a failure mark.
 */
export function toChartPoints(results: ChartResult[] = [], buckets: ResponseTimeBucket[] = []): ChartPoint[] {
  const fromResults = results.map((r) => {
    const failed = r.status === "down";
    return { at: r.date.getTime(), p50: failed ? null : r.rtt_ms, p95: null, max: failed ? null : r.rtt_ms, failures: failed ? 1 : 0 };
  });
  const fromBuckets = buckets.map((b) => ({ at: b.start.getTime(), p50: b.p50, p95: b.p95, max: b.max, failures: b.failures }));
  return [...fromResults, ...fromBuckets].sort((a, b) => a.at - b.at);
}

/** "eu-west: no agent has reported for 12 minutes — counted as no data" (never seen: "yet"). */
export function describeSilentRegion(region: string, lastSeenAt: Date | null, now: Date): string {
  if (lastSeenAt === null) return `${region}: no agent has reported yet — counted as no data`;
  const minutes = Math.max(1, Math.floor((now.getTime() - lastSeenAt.getTime()) / 60_000));
  return `${region}: no agent has reported for ${minutes} minute${minutes === 1 ? "" : "s"} — counted as no data`;
}
