// What a check's `probe` may hold: one zod schema per probe type with the defaults and ranges
// the API documents, and parseProbeConfig, which turns API or form input into a ProbeConfig or
// throws the API's "json validation error: probe.<key> <problem>" for the first bad option.
// Pure (zod only), so the API, the web forms and `vigil check` share it.
import net from "node:net";
import { z } from "zod";
import { AppError } from "../errors";
import type { DnsRecordType, HttpMethod, JsonAssertionOp, ProbeConfig, ProbeType } from "./types";

/** Seconds a probe check may stay silent past its interval before it goes down like any check. */
export const DEFAULT_PROBE_GRACE = 60;

export const PROBE_TYPES: readonly ProbeType[] = ["http", "tcp", "dns", "tls"];
export const HTTP_METHODS: readonly HttpMethod[] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
export const JSON_ASSERTION_OPS: readonly JsonAssertionOp[] = ["==", "!=", "<", "<=", ">", ">=", "contains"];
export const DNS_RECORD_TYPES: readonly DnsRecordType[] = ["A", "AAAA", "CNAME", "MX", "NS", "TXT"];

/** A probe check's timeout is its interval: a run is expected every interval. */
export function probeTimeout(config: Pick<ProbeConfig, "interval">): number {
  return config.interval;
}

// ---------------------------------------------------------------------------------------------
// Small parsers the runners share.

/**
 * "host:port" or "[v6]:port" → its parts, or null. `defaultPort` lets a bare host through (the
 * DNS probe's server, where 53 is implied).
 */
export function splitHostPort(address: string, defaultPort?: number): { host: string; port: number } | null {
  let host: string;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(address);
  if (bracketed) {
    [, host, portText] = bracketed;
    if (!net.isIPv6(host)) return null;
  } else if (net.isIPv6(address)) {
    host = address; // a bare IPv6 literal has colons but no port
  } else {
    const i = address.lastIndexOf(":");
    host = i === -1 ? address : address.slice(0, i);
    portText = i === -1 ? undefined : address.slice(i + 1);
    if (host.includes(":")) return null;
  }
  if (!host || /[\s/@?#]/.test(host)) return null;
  if (portText === undefined) return defaultPort === undefined ? null : { host, port: defaultPort };
  if (!/^\d{1,5}$/.test(portText)) return null;
  const port = Number(portText);
  return port >= 1 && port <= 65535 ? { host, port } : null;
}

/** "200-299,301" → inclusive ranges, or null when a part is not a code or range of 100–599. */
export function parseExpectedStatus(text: string): [number, number][] | null {
  const ranges: [number, number][] = [];
  for (const raw of text.split(",")) {
    const m = /^\s*(\d{3})\s*(?:-\s*(\d{3})\s*)?$/.exec(raw);
    if (!m) return null;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (lo < 100 || hi > 599 || lo > hi) return null;
    ranges.push([lo, hi]);
  }
  return ranges;
}

export function statusMatches(ranges: readonly [number, number][], status: number): boolean {
  return ranges.some(([lo, hi]) => status >= lo && status <= hi);
}

// ---------------------------------------------------------------------------------------------
// The schemas. Messages are the part after "probe.<key> ", in Healthchecks' API wording.

const typeError = (expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? "is required" : `is not ${expected}`;

function integer(min: number, max: number, dflt: number) {
  const range = `must be between ${min} and ${max}`;
  return z
    .number({ error: typeError("a number") })
    .int({ error: "is not an integer" })
    .min(min, { error: range })
    .max(max, { error: range })
    .default(dflt);
}

const bool = (dflt: boolean) => z.boolean({ error: typeError("a boolean") }).default(dflt);

function text(maxLength: number, dflt = "") {
  return z
    .string({ error: typeError("a string") })
    .max(maxLength, { error: `is too long (at most ${maxLength} characters)` })
    .default(dflt);
}

function oneOf<T extends string>(values: readonly T[], dflt?: T) {
  const schema = z.enum(values as [T, ...T[]], { error: `must be one of ${values.join(", ")}` });
  return dflt === undefined ? schema : schema.default(dflt);
}

const hostPort = z
  .string({ error: typeError("a string") })
  .max(300, { error: "is too long" })
  .refine((v) => splitHostPort(v) !== null, { error: "is not a valid host:port address" });

/** A region's name, as probes list it and agents are added for ("local" is the server's own prober). */
export const REGION_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

const commonShape = {
  interval: integer(10, 86400, 60),
  timeout: integer(1, 60, 10),
  attempts: integer(1, 10, 1),
  attempt_spacing: integer(0, 60000, 0),
  threshold_rtt: integer(0, 600000, 0),
  regions: z
    .array(
      z
        .string({ error: "must be a list of region names" })
        .regex(REGION_NAME, { error: "must be a list of region names (a-z, 0-9, -)" }),
      { error: typeError("a list") },
    )
    .min(1, { error: "must name at least one region" })
    .max(20, { error: "may name at most 20 regions" })
    .refine((list) => new Set(list).size === list.length, { error: "must not name a region twice" })
    .default(["local"]),
  // Checked against the regions, and defaulted to their majority, by withQuorum: a field's own
  // schema cannot see its siblings.
  quorum: z
    .number({ error: typeError("a number") })
    .int({ error: "is not an integer" })
    .min(1, { error: "must be at least 1" })
    .optional(),
};

/** The quorum a check gets when its probe names none: a majority of its regions. */
export function getDefaultQuorum(regionCount: number): number {
  return Math.floor(regionCount / 2) + 1;
}

/**
 * A type's schema with its quorum judged against its regions (at most one per region) and
 * filled in when absent, so a stored probe always says how many regions make it down.
 */
export function withQuorum<T extends { regions: string[]; quorum?: number | undefined }>(schema: z.ZodType<T>) {
  return schema
    .superRefine((probe, ctx) => {
      if (probe.quorum !== undefined && probe.quorum > probe.regions.length) {
        ctx.addIssue({ code: "custom", path: ["quorum"], message: `must be at most the number of regions (${probe.regions.length})` });
      }
    })
    .transform((probe) => ({ ...probe, quorum: probe.quorum ?? getDefaultQuorum(probe.regions.length) }));
}

const certExpiryThreshold = integer(0, 365, 14);

// An HTTP token (RFC 9110) for names; values must not smuggle a second header line.
const headers = z
  .record(
    z.string(),
    z
      .string({ error: "must be a string" })
      .max(4096, { error: "has a value that is too long" })
      .refine((v) => !/[\r\n\0]/.test(v), { error: "must not contain line breaks" }),
    { error: typeError("an object") },
  )
  .refine((h) => Object.keys(h).every((name) => /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)), {
    error: "has an invalid header name",
  })
  .refine((h) => Object.keys(h).length <= 50, { error: "may hold at most 50 headers" })
  .default({});

const httpUrl = z
  .string({ error: typeError("a string") })
  .max(2048, { error: "is too long" })
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
      } catch {
        return false;
      }
    },
    { error: "is not a valid http(s) URL" },
  );

const jsonAssertion = z.strictObject(
  {
    path: z
      .string({ error: typeError("a string") })
      .max(500, { error: "is too long" })
      .refine((p) => parseJsonPath(p) !== null, { error: "is not a supported JSONPath ($, .key, ['key'], [0])" }),
    op: oneOf(JSON_ASSERTION_OPS),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()], {
      error: (issue) => (issue.input === undefined ? "is required" : "must be a string, number, boolean or null"),
    }),
  },
  { error: typeError("an object") },
);

/** The http options alone (no quorum rule): config-as-code combines the types before applying it. */
export const httpProbeObject = z.strictObject({
  type: z.literal("http"),
  ...commonShape,
  url: httpUrl,
  method: oneOf(HTTP_METHODS, "GET"),
  headers,
  body: text(65536),
  expected_status: z
    .string({ error: typeError("a string") })
    .max(200, { error: "is too long" })
    .refine((v) => parseExpectedStatus(v) !== null, {
      error: "must be status codes and ranges of 100-599, e.g. 200-299,301",
    })
    .default("200-299"),
  follow_redirects: bool(false),
  must_contain: text(1000),
  must_not_contain: text(1000),
  json: z.array(jsonAssertion, { error: typeError("a list") }).max(20, { error: "may hold at most 20 assertions" }).default([]),
  tls_skip_verify: bool(false),
  cert_expiry_threshold: certExpiryThreshold,
});
export const httpProbeSchema = withQuorum(httpProbeObject);

/** The tcp options alone (no quorum rule): config-as-code combines the types before applying it. */
export const tcpProbeObject = z.strictObject({
  type: z.literal("tcp"),
  ...commonShape,
  address: hostPort,
  tls: bool(false),
  tls_skip_verify: bool(false),
});
export const tcpProbeSchema = withQuorum(tcpProbeObject);

const dnsName = /^(?=.{1,253}\.?$)([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;

/** The dns options alone (no quorum rule): config-as-code combines the types before applying it. */
export const dnsProbeObject = z.strictObject({
  type: z.literal("dns"),
  ...commonShape,
  hostname: z
    .string({ error: typeError("a string") })
    .refine((v) => dnsName.test(v), { error: "is not a valid host name" }),
  record_type: oneOf(DNS_RECORD_TYPES, "A"),
  // Checkup names the server host:port; a bare host means port 53.
  server: z
    .string({ error: typeError("a string") })
    .max(300, { error: "is too long" })
    .refine((v) => v === "" || splitHostPort(v, 53) !== null, { error: "is not a valid host:port address" })
    .default(""),
  expected: z
    .array(z.string({ error: "must be a list of strings" }).max(1000, { error: "has an answer that is too long" }), {
      error: typeError("a list"),
    })
    .max(50, { error: "may hold at most 50 answers" })
    .default([]),
});
export const dnsProbeSchema = withQuorum(dnsProbeObject);

/** The tls options alone (no quorum rule): config-as-code combines the types before applying it. */
export const tlsProbeObject = z.strictObject({
  type: z.literal("tls"),
  ...commonShape,
  address: hostPort,
  servername: text(253),
  tls_skip_verify: bool(false),
  cert_expiry_threshold: certExpiryThreshold,
});
export const tlsProbeSchema = withQuorum(tlsProbeObject);

/** Each type's schema; its output is exactly the stored and shown probe. */
export const PROBE_SCHEMAS = {
  http: httpProbeSchema,
  tcp: tcpProbeSchema,
  dns: dnsProbeSchema,
  tls: tlsProbeSchema,
} as const;

// ---------------------------------------------------------------------------------------------
// JSONPath subset.

export type JsonPathStep = string | number;

/** `$`, `$.a.b`, `$['a b']`, `$.list[0]` → the steps, or null for anything else. */
export function parseJsonPath(path: string): JsonPathStep[] | null {
  if (!path.startsWith("$")) return null;
  const steps: JsonPathStep[] = [];
  const re = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]/y;
  re.lastIndex = 1;
  while (re.lastIndex < path.length) {
    const m = re.exec(path);
    if (!m) return null;
    if (m[1] !== undefined) steps.push(m[1]);
    else if (m[2] !== undefined) steps.push(Number(m[2]));
    else steps.push((m[3] ?? m[4]).replace(/\\(.)/g, "$1"));
  }
  return steps;
}

// ---------------------------------------------------------------------------------------------

function fieldOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, step) => (typeof step === "number" ? `${acc}[${step}]` : `${acc}.${String(step)}`),
    "probe",
  );
}

function fail(field: string, problem: string): never {
  const message = `${field} ${problem}`;
  throw new AppError("bad_request", `json validation error: ${message}`, { field, userMessage: message });
}

/**
 * Validates a check's `probe` (API body or form) and fills in the defaults. Unknown options are
 * refused, so a misspelt option is not silently ignored. Throws
 * AppError("bad_request", "json validation error: probe.<key> <problem>") for the first problem,
 * with `field` set to "probe.<key>".
 */
export function parseProbeConfig(input: unknown): ProbeConfig {
  if (typeof input !== "object" || input === null || Array.isArray(input)) fail("probe", "is not an object");
  const type = (input as { type?: unknown }).type;
  if (type === undefined) fail("probe.type", "is required");
  if (typeof type !== "string" || !(PROBE_TYPES as readonly string[]).includes(type)) {
    fail("probe.type", `must be one of ${PROBE_TYPES.join(", ")}`);
  }
  const result = PROBE_SCHEMAS[type as ProbeType].safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue.code === "unrecognized_keys") {
    fail(fieldOf([...issue.path, issue.keys[0]]), `is not an option of ${type} probes`);
  }
  fail(fieldOf(issue.path), issue.message);
}
