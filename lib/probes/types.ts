// The shapes of active checks ("probes"): what a check's `probe` holds, and what one run of it
// produces. Names follow Checkup's JSON where it has one and are the management API's, so a
// stored probe is exactly what the API takes and shows. Types only: client components import it.

export type ProbeType = "http" | "tcp" | "dns" | "tls";

/** The verdict of one run, by Checkup's rules: any failed attempt → down; else slow or expiring → degraded. */
export type ProbeVerdict = "healthy" | "degraded" | "down";

export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";
export type JsonAssertionOp = "==" | "!=" | "<" | "<=" | ">" | ">=" | "contains";
export type DnsRecordType = "A" | "AAAA" | "CNAME" | "MX" | "NS" | "TXT";

/** Options every probe type has. */
export interface ProbeCommon {
  type: ProbeType;
  /** Seconds between runs, 10–86400 (default 60). Also the check's timeout. */
  interval: number;
  /** Seconds one attempt may take, 1–60 (default 10). */
  timeout: number;
  /** Attempts per run, 1–10 (default 1); any failed attempt makes the run down. */
  attempts: number;
  /** Milliseconds between attempts (default 0). */
  attempt_spacing: number;
  /** Milliseconds; a median round trip above it makes the run degraded. 0 = off (default). */
  threshold_rtt: number;
  /** Where the probe runs (default ["local"], the server itself). */
  regions: string[];
  /**
   * How many regions must fail in one round for the check to be down, 1..regions.length
   * (default: a majority, floor(n/2)+1). Fewer failing regions make it degraded.
   */
  quorum: number;
}

export interface JsonAssertion {
  /** A JSONPath subset: `$`, `.key`, `['key']`, `[0]`. */
  path: string;
  op: JsonAssertionOp;
  value: string | number | boolean | null;
}

export interface HttpProbe extends ProbeCommon {
  type: "http";
  url: string;
  method: HttpMethod;
  headers: Record<string, string>;
  body: string;
  /** Codes and ranges, e.g. "200-299,301" (default "200-299"). */
  expected_status: string;
  /** Default false (Checkup and UpTime do not follow); at most 10 when true. */
  follow_redirects: boolean;
  must_contain: string;
  must_not_contain: string;
  json: JsonAssertion[];
  tls_skip_verify: boolean;
  /** Days (default 14): an https certificate expiring sooner makes the run degraded. */
  cert_expiry_threshold: number;
}

export interface TcpProbe extends ProbeCommon {
  type: "tcp";
  /** host:port */
  address: string;
  tls: boolean;
  tls_skip_verify: boolean;
}

export interface DnsProbe extends ProbeCommon {
  type: "dns";
  hostname: string;
  record_type: DnsRecordType;
  /** host:port of the name server; "" = the system resolver. */
  server: string;
  /** Answers that must all be present; empty = any answer. NXDOMAIN or no answer is down. */
  expected: string[];
}

export interface TlsProbe extends ProbeCommon {
  type: "tls";
  /** host:port */
  address: string;
  /** SNI; "" = the host of `address`. */
  servername: string;
  tls_skip_verify: boolean;
  cert_expiry_threshold: number;
}

export type ProbeConfig = HttpProbe | TcpProbe | DnsProbe | TlsProbe;

/**
 * Phase timings of one attempt in milliseconds (microsecond precision); null when the phase did
 * not happen. Each phase is its own duration (lookup, TCP connect, TLS handshake, request sent to
 * first response byte), so they stack within total_ms; redirects add their hops' phases up.
 */
export interface ProbeTimings {
  dns_ms: number | null;
  connect_ms: number | null;
  tls_ms: number | null;
  ttfb_ms: number | null;
  total_ms: number;
}

export interface ProbeAttempt {
  rtt_ms: number;
  error: string | null;
  timings: ProbeTimings;
}

/** One run of a probe: what the API's results list and `last_result` show. */
export interface ProbeResult {
  date: Date;
  region: string;
  status: ProbeVerdict;
  /** The median round trip of the attempts, ms. */
  rtt_ms: number;
  /** Why a run is degraded ("median round trip time exceeded threshold", "certificate expires in 3 days"). */
  notice: string | null;
  /** The first failed attempt's error, when down. */
  error: string | null;
  http_status: number | null;
  cert_expires: Date | null;
  cert_issuer: string | null;
  /** The address actually connected to. */
  resolved_ip: string | null;
  /** The first 1 KiB of a failing HTTP response. */
  evidence: string | null;
  attempts: ProbeAttempt[];
}
