// One run of a probe: its attempts, `attempt_spacing` apart, each on a fresh connection with its
// own timeout, judged into a ProbeResult. No database: the caller records the result.
import { getEnv } from "../env";
import { AttemptRecorder, abortError, roundMs, sleep } from "./attempt";
import type { ProbeContext } from "./descriptor";
import { getProbeType } from "./registry";
import type { ProbeAttempt, ProbeConfig, ProbeResult } from "./types";
import { judgeRun, median } from "./verdict";

interface AttemptRecord extends ProbeAttempt {
  rec: AttemptRecorder;
}

async function runAttempt(config: ProbeConfig, ctx: ProbeContext, allowPrivate: boolean): Promise<AttemptRecord> {
  const descriptor = getProbeType(config.type);
  const controller = new AbortController();
  const timeoutMs = config.timeout * 1000;
  // The timeout covers the whole attempt: lookup, connect, handshake, request and body.
  const timer = setTimeout(() => controller.abort(new Error(`timed out after ${config.timeout} s`)), timeoutMs);
  const onOuterAbort = () => controller.abort(abortError(ctx.signal as AbortSignal));
  if (ctx.signal?.aborted) onOuterAbort();
  else ctx.signal?.addEventListener("abort", onOuterAbort, { once: true });
  const rec = new AttemptRecorder();
  let error: string | null = null;
  try {
    await descriptor.attempt(config, { signal: controller.signal, allowPrivate, ca: ctx.ca, timeoutMs }, rec);
  } catch (err) {
    error = controller.signal.aborted ? abortError(controller.signal).message : err instanceof Error ? err.message : String(err);
  } finally {
    clearTimeout(timer);
    ctx.signal?.removeEventListener("abort", onOuterAbort);
    rec.finish();
    rec.close();
  }
  const timings = rec.timings();
  return { rtt_ms: timings.total_ms, error, timings, rec };
}

/**
 * Runs `config` once: `attempts` attempts, `attempt_spacing` ms apart, then Checkup's verdict.
 * Never throws for a failing target (that is a down result); only a bug would. `allowPrivate`
 * defaults to PROBE_ALLOW_PRIVATE; cloud metadata addresses are refused regardless.
 */
export async function runProbe(config: ProbeConfig, ctx: ProbeContext = {}): Promise<ProbeResult> {
  const allowPrivate = ctx.allowPrivate ?? getEnv().probeAllowPrivate;
  const now = ctx.now ?? (() => new Date());
  const date = now();
  const records: AttemptRecord[] = [];
  for (let i = 0; i < config.attempts; i++) {
    if (i > 0 && config.attempt_spacing > 0) {
      try {
        await sleep(config.attempt_spacing, ctx.signal);
      } catch {
        break;
      }
    }
    records.push(await runAttempt(config, ctx, allowPrivate));
    if (ctx.signal?.aborted) break;
  }
  // The facts shown with the result come from the attempt that explains it: the first failed
  // one when the run is down, else the last.
  const shown = records.find((r) => r.error !== null) ?? records[records.length - 1];
  const cert = shown?.rec.cert ?? null;
  const verdict = judgeRun({
    attempts: records,
    threshold_rtt: config.threshold_rtt,
    cert_expires: cert?.expires ?? null,
    cert_expiry_threshold: "cert_expiry_threshold" in config ? config.cert_expiry_threshold : null,
    now: now(),
  });
  return {
    date,
    region: ctx.region ?? "local",
    status: records.length === 0 ? "down" : verdict.status,
    rtt_ms: roundMs(median(records.map((r) => r.rtt_ms))),
    notice: verdict.notice,
    error: records.length === 0 ? "aborted" : verdict.error,
    http_status: shown?.rec.httpStatus ?? null,
    cert_expires: cert?.expires ?? null,
    cert_issuer: cert?.issuer ?? null,
    resolved_ip: shown?.rec.resolvedIp ?? null,
    evidence: verdict.status === "down" ? (shown?.rec.evidence ?? null) : null,
    attempts: records.map(({ rtt_ms, error, timings }) => ({ rtt_ms, error, timings })),
  };
}
