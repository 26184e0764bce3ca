import type { ProbeResult, ProbeVerdict } from "../probes/types";

/** What the URL (or email) asked for, before filters. */
export type UrlAction = "success" | "start" | "fail" | "log";
/** What is recorded: Ping.kind is null for success, else one of the others. */
export type PingAction = UrlAction | "ign";

export type PingTarget =
  | { code: string }
  /** Slug URL `/ping/<ping_key>/<slug>`; `create` = `?create=1`. */
  | { pingKey: string; slug: string; create: boolean };

export interface PingInput {
  target: PingTarget;
  action: UrlAction;
  /** From `/<code>` URLs, 0..255; > 0 means fail. */
  exitStatus: number | null;
  /** Lowercased `?rid=` run id (null when absent or invalid). */
  rid: string | null;
  /** `?rid=` was present but not a UUID: answered 400 after the check lookup, as Healthchecks does. */
  invalidRid?: boolean;
  scheme: string;
  remoteAddr: string | null;
  method: string;
  ua: string;
  /** Already truncated to PING_BODY_LIMIT for HTTP; the whole message for email. */
  body: Buffer | null;
  /** Set for email pings: classification then uses the email filters, not filter_http_body. */
  email?: { subject: string; text: string };
  /** Server receive time, ms since epoch. */
  receivedAt: number;
  /**
   * Set when the ping records a probe run (recordProbeResult): the action is the verdict's
   * (success for healthy and degraded, fail for down), a degraded verdict sets the status
   * "degraded" instead of "up", the check's filters do not apply, and the result is written
   * to probe_results in the ping's transaction.
   */
  probe?: ProbeResult;
  /**
   * Set when the ping records the verdict of a multi-region round (decideProbeRound): treated
   * as `probe` is (the verdict is the action, degraded sets the status "degraded", no filters),
   * but the round's runs are already stored, so no probe_results row is written.
   */
  roundVerdict?: ProbeVerdict;
}

export interface PingResult {
  status: 200 | 201 | 400 | 404 | 409 | 503;
  body: "OK" | "Created" | "not found" | "ambiguous slug" | "invalid url format" | "invalid uuid format" | "busy";
}
