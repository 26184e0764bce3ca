"use client";

import { useId } from "react";
import { formatDateTime } from "@/lib/format";
import { CHART_RANGES, formatMs, getLinePaths, getNiceCeiling, toChartPoints, type ChartPoint, type ChartRange, type ChartResult, type ResponseTimeBucket } from "./probe-display";

interface Props {
  /** Single runs (the last day, from raw results)... */
  results?: ChartResult[];
  /** ...or rollup buckets (longer ranges). */
  buckets?: ResponseTimeBucket[];
  range: ChartRange;
  /** Changes the range; without it the tabs are not shown. */
  onRangeChange?: (range: ChartRange) => void;
  /** The chart's right edge. */
  now: Date;
  tz?: string;
}

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { top: 10, right: 12, bottom: 24, left: 56 };

function summarize(points: ChartPoint[], longLabel: string): string {
  const medians = points.map((p) => p.p50).filter((v): v is number => v !== null);
  const maxes = points.map((p) => p.max ?? p.p50).filter((v): v is number => v !== null);
  const failures = points.reduce((n, p) => n + p.failures, 0);
  if (medians.length === 0 && failures === 0) return `No runs in ${longLabel}.`;
  const sorted = [...medians].sort((a, b) => a - b);
  const median = sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : null;
  const parts = [
    median !== null ? `typical response time ${formatMs(median)}` : "no successful run",
    maxes.length ? `slowest ${formatMs(Math.max(...maxes))}` : null,
    `${failures} failed ${failures === 1 ? "run" : "runs"}`,
  ].filter(Boolean);
  return `Response time over ${longLabel}: ${parts.join(", ")}.`;
}

/**
 * Response time over 24 hours, 7 days or 30 days as an inline SVG: the median line (a run's round
 * trip for single runs), the 95th percentile dashed and the slowest as a light band for buckets,
 * failures as red ticks on the time axis. The range tabs only report a choice; the caller loads
 * the points. The SVG carries a text summary for screen readers.
 */
export function ResponseTimeChart({ results, buckets, range, onRangeChange, now, tz = "UTC" }: Props) {
  const id = useId();
  const spec = CHART_RANGES.find((r) => r.range === range) ?? CHART_RANGES[0]!;
  const to = now.getTime();
  const from = to - spec.ms;
  const points = toChartPoints(results, buckets).filter((p) => p.at >= from && p.at <= to);
  const top = getNiceCeiling(Math.max(0, ...points.map((p) => Math.max(p.max ?? 0, p.p95 ?? 0, p.p50 ?? 0))));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (at: number) => PAD.left + ((at - from) / (to - from)) * plotW;
  const y = (ms: number) => PAD.top + plotH - (Math.min(ms, top) / top) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * top);
  const summary = summarize(points, spec.longLabel);
  const bandTop = getLinePaths(points, (p) => p.max, x, y);
  const hasBuckets = points.some((p) => p.p95 !== null);

  return (
    <div className="space-y-2">
      {onRangeChange && (
        <div role="tablist" aria-label="Chart period" className="inline-flex rounded-md border border-slate-300 p-0.5 dark:border-slate-700">
          {CHART_RANGES.map((r) => (
            <button
              key={r.range}
              type="button"
              role="tab"
              aria-selected={r.range === range}
              aria-controls={`${id}-chart`}
              onClick={() => onRangeChange(r.range)}
              className={`rounded px-2.5 py-1 text-xs font-medium ${
                r.range === range ? "bg-sky-600 text-white" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
              }`}
            >
              {r.label}
            </button>
          ))}
        </div>
      )}
      <svg
        id={`${id}-chart`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full text-slate-500 dark:text-slate-400"
      >
        <title id={`${id}-title`}>Response time</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} stroke="currentColor" strokeOpacity={t === 0 ? 0.5 : 0.15} />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="currentColor">
              {formatMs(t)}
            </text>
          </g>
        ))}
        <text x={PAD.left} y={HEIGHT - 6} fontSize="11" fill="currentColor">
          {formatDateTime(from, tz, { seconds: false })}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end" fontSize="11" fill="currentColor">
          {formatDateTime(to, tz, { seconds: false })}
        </text>
        {hasBuckets && bandTop && <path d={bandTop} fill="none" className="stroke-sky-200 dark:stroke-sky-900" strokeWidth="6" strokeLinejoin="round" />}
        {hasBuckets && <path d={getLinePaths(points, (p) => p.p95, x, y)} fill="none" className="stroke-sky-400" strokeWidth="1.5" strokeDasharray="4 3" />}
        <path d={getLinePaths(points, (p) => p.p50, x, y)} fill="none" className="stroke-sky-600 dark:stroke-sky-400" strokeWidth="2" strokeLinejoin="round" />
        {points.length === 1 && points[0]!.p50 !== null && <circle cx={x(points[0]!.at)} cy={y(points[0]!.p50)} r="3" className="fill-sky-600 dark:fill-sky-400" />}
        {points
          .filter((p) => p.failures > 0)
          .map((p) => (
            <line key={`f-${p.at}`} x1={x(p.at)} x2={x(p.at)} y1={PAD.top + plotH} y2={PAD.top + plotH - 8} className="stroke-down" strokeWidth="2" />
          ))}
        {points.length === 0 && (
          <text x={PAD.left + plotW / 2} y={PAD.top + plotH / 2} textAnchor="middle" fontSize="13" fill="currentColor">
            No runs in {spec.longLabel}
          </text>
        )}
      </svg>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400" aria-hidden="true">
        <li className="flex items-center gap-1.5">
          <span className="inline-block h-0.5 w-4 bg-sky-600 dark:bg-sky-400" /> {hasBuckets ? "Median" : "Round trip"}
        </li>
        {hasBuckets && (
          <>
            <li className="flex items-center gap-1.5">
              <span className="inline-block h-0.5 w-4 border-t-2 border-dashed border-sky-400" /> 95th percentile
            </li>
            <li className="flex items-center gap-1.5">
              <span className="inline-block h-1.5 w-4 bg-sky-200 dark:bg-sky-900" /> Slowest
            </li>
          </>
        )}
        <li className="flex items-center gap-1.5">
          <span className="inline-block h-2.5 w-0.5 bg-down" /> Failed runs
        </li>
      </ul>
    </div>
  );
}
