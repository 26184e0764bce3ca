import Link from "next/link";
import { ActionButton } from "@/components/checks/action-button";
import { CertificateDetails } from "@/components/probes/certificate-details";
import { CHART_RANGES, type ChartRange } from "@/components/probes/probe-display";
import { ProbeForm } from "@/components/probes/probe-form";
import { ProbeResultSummary } from "@/components/probes/probe-result-summary";
import { RegionTable } from "@/components/probes/region-table";
import { ResponseTimeChart } from "@/components/probes/response-time-chart";
import { ResultsLog } from "@/components/probes/results-log";
import { UptimeFigures } from "@/components/probes/uptime-figures";
import { Card } from "@/components/ui/card";
import { AGENT_LIVE_MS } from "@/lib/agents/liveness";
import type { Actor } from "@/lib/auth/actor";
import { parseProbeConfig } from "@/lib/probes/config";
import { probeToForm } from "@/lib/probes/form";
import { getProbeSeries, getProbeUptime } from "@/lib/probes/history";
import { listProbeResults } from "@/lib/probes/queries";
import { getRegionFigures } from "@/lib/probes/region-figures";
import { PROBE_TYPE_DESCRIPTORS, summarizeProbe } from "@/lib/probes/registry";
import { getProbeFormFields } from "../../../probe-form-data";
import { runProbeNow, testCheckProbe, updateProbe } from "./actions";

const RESULTS_SHOWN = 50;

/** `?range=` of the response-time chart; anything else is the last 24 hours. */
export function parseChartRange(value: string | string[] | undefined): ChartRange {
  return CHART_RANGES.find((r) => r.range === value)?.range ?? "24h";
}

/**
 * An active check's part of its page: the last run with its timing bar, its regions (several:
 * latency per region, silent ones noted), the response-time chart (24 h / 7 d / 30 d), uptime
 * over 24 h to 90 d, the certificate of https and TLS probes, the results log, "Run now" and the
 * probe's form. The caller has checked the user may read the check.
 */
export async function ProbePanel({
  actor,
  check,
  projectCode,
  canWrite,
  range,
  tz,
  now,
  maintenance = [],
}: {
  actor: Actor;
  check: { id: number; code: string; probe: string };
  projectCode: string;
  canWrite: boolean;
  range: ChartRange;
  tz: string;
  now: Date;
  /** The check's maintenance windows, marked in the results log. */
  maintenance?: { start: Date; end: Date }[];
}) {
  const config = parseProbeConfig(JSON.parse(check.probe) as unknown);
  const [results, series, uptime, regions] = await Promise.all([
    listProbeResults(check.id, RESULTS_SHOWN),
    getProbeSeries({ actor, checkCode: check.code, range, now }),
    getProbeUptime({ actor, checkCode: check.code, now }),
    config.regions.length > 1 ? getRegionFigures({ checkId: check.id, regions: config.regions, agentLiveMs: AGENT_LIVE_MS, now }) : null,
  ]);
  const last = results[0] ?? null;
  const percent = (f: { ratio: number | null }) => (f.ratio === null ? null : f.ratio * 100);
  const certificate = last && (config.type === "tls" || (config.type === "http" && config.url.startsWith("https:")));
  // Hourly buckets (24 h, 7 d) or daily ones (30 d): the results log shows only the latest runs,
  // and a day of runs every 10 s is too many points for a 640-pixel chart.
  const buckets = series.points.map((p) => ({ start: p.start, p50: p.p50Ms, p95: p.p95Ms, max: p.maxMs, failures: p.failures }));

  return (
    <section aria-labelledby="probe-heading" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="probe-heading" className="text-lg font-semibold">
          {PROBE_TYPE_DESCRIPTORS[config.type].label} probe
        </h2>
        <code className="break-all font-mono text-sm text-slate-600 dark:text-slate-400">{summarizeProbe(config)}</code>
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title="Last run" actions={canWrite ? <ActionButton action={runProbeNow.bind(null, check.code)} label="Run now" pendingLabel="Running…" /> : undefined}>
          {last ? <ProbeResultSummary result={last} heading="Last run" /> : <p className="text-sm text-slate-600 dark:text-slate-400">Not run yet.</p>}
        </Card>
        <Card title="Uptime">
          <div className="space-y-4">
            <UptimeFigures uptime={{ "24h": percent(uptime["24h"]), "7d": percent(uptime["7d"]), "30d": percent(uptime["30d"]), "90d": percent(uptime["90d"]) }} />
            {certificate && <CertificateDetails expires={last.cert_expires} issuer={last.cert_issuer} now={now} thresholdDays={config.cert_expiry_threshold} tz={tz} />}
          </div>
        </Card>
      </div>
      {regions && (
        <Card title="Regions">
          <RegionTable regions={regions} quorum={config.quorum} now={now} />
        </Card>
      )}
      <Card
        title="Response time"
        actions={
          <nav aria-label="Chart range" className="flex gap-3 text-sm">
            {CHART_RANGES.map((r) => (
              <Link
                key={r.range}
                href={`/checks/${check.code}/details?range=${r.range}#probe-heading`}
                aria-current={r.range === range ? "page" : undefined}
                className={r.range === range ? "font-semibold" : "text-sky-700 hover:underline dark:text-sky-400"}
              >
                {r.label}
              </Link>
            ))}
          </nav>
        }
      >
        <ResponseTimeChart buckets={buckets} range={range} now={now} tz={tz} />
      </Card>
      <Card title="Results">
        <ResultsLog results={results} tz={tz} maintenance={maintenance} />
      </Card>
      {canWrite && (
        <Card title="Probe settings">
          <details>
            <summary className="cursor-pointer text-sm text-sky-700 dark:text-sky-400">Edit the probe</summary>
            <div className="mt-4">
              <ProbeForm
                type={config.type}
                fields={getProbeFormFields(config.type)}
                initial={probeToForm(config as unknown as Record<string, unknown>)}
                saveAction={updateProbe.bind(null, check.code)}
                testAction={testCheckProbe.bind(null, projectCode)}
                submitLabel="Save probe"
              />
            </div>
          </details>
        </Card>
      )}
    </section>
  );
}
