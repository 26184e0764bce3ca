// The HTTP(S) probe: one request on a fresh socket, judged by status, keywords and JSON
// assertions. Speaks node:http over the socket connect.ts opened, so DNS, connect, TLS and time
// to first byte are measured on the socket itself.
import http from "node:http";
import net from "node:net";
import { type AttemptRecorder, abortError, describeNetError } from "./attempt";
import { httpProbeSchema, parseExpectedStatus, parseJsonPath, statusMatches, HTTP_METHODS } from "./config";
import { openConnection } from "./connect";
import type { AttemptContext, ProbeTypeDescriptor } from "./descriptor";
import type { HttpProbe, JsonAssertion } from "./types";

/** Bytes of a response body read and judged; the rest is not downloaded. */
export const BODY_LIMIT = 1024 * 1024;
/** Bytes of a failing response kept as evidence. */
export const EVIDENCE_LIMIT = 1024;
const MAX_REDIRECTS = 10;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = "Vigil (active check)";

interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Header sets merged by name whatever their case, later ones winning, so a probe's own "Host"
 * replaces ours instead of sending two.
 */
function mergeHeaders(...sets: Record<string, string>[]): Record<string, string> {
  const merged = new Map<string, [string, string]>();
  for (const set of sets) for (const [name, value] of Object.entries(set)) merged.set(name.toLowerCase(), [name, value]);
  return Object.fromEntries(merged.values());
}

function request(url: URL, method: string, headers: Record<string, string>, body: string, ctx: AttemptContext, rec: AttemptRecorder, socket: net.Socket): Promise<Response> {
  return new Promise((resolve, reject) => {
    const hasBody = body !== "" && method !== "GET" && method !== "HEAD";
    const req = http.request({
      method,
      path: `${url.pathname}${url.search}`,
      headers: mergeHeaders(
        { host: url.host, "user-agent": USER_AGENT, accept: "*/*" },
        headers,
        { connection: "close", ...(hasBody ? { "content-length": String(Buffer.byteLength(body)) } : {}) },
      ),
      // Our socket, already connected (and its TLS verified): no agent, no pool, no keep-alive.
      createConnection: () => socket,
    });
    const onAbort = () => {
      req.destroy(abortError(ctx.signal));
    };
    ctx.signal.addEventListener("abort", onAbort, { once: true });
    const done = () => ctx.signal.removeEventListener("abort", onAbort);
    req.on("error", (err) => {
      done();
      reject(ctx.signal.aborted ? abortError(ctx.signal) : new Error(describeNetError(err)));
    });
    req.once("response", (res) => {
      rec.end("ttfb_ms");
      rec.httpStatus = res.statusCode ?? null;
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => {
        done();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks, size) });
      };
      res.on("data", (chunk: Buffer) => {
        const room = BODY_LIMIT - size;
        if (room <= 0) return;
        const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
        chunks.push(part);
        size += part.length;
        // Enough to judge: stop downloading and close the connection.
        if (size >= BODY_LIMIT) {
          res.removeAllListeners("data");
          res.destroy();
          finish();
        }
      });
      res.once("end", finish);
      res.on("error", (err) => {
        done();
        reject(ctx.signal.aborted ? abortError(ctx.signal) : new Error(describeNetError(err)));
      });
    });
    req.end(hasBody ? body : undefined);
  });
}

/** The redirect target for a hop, or null when the response is not a redirect to follow. */
function redirectTarget(from: URL, res: Response): URL | null {
  if (!REDIRECT_STATUSES.has(res.status)) return null;
  const location = res.headers.location;
  if (!location) return null;
  try {
    const to = new URL(location, from);
    return to.protocol === "http:" || to.protocol === "https:" ? to : null;
  } catch {
    return null;
  }
}

async function attempt(config: HttpProbe, ctx: AttemptContext, rec: AttemptRecorder): Promise<void> {
  let url = new URL(config.url);
  let method: string = config.method;
  let body = config.body;
  let headers = { ...config.headers };
  let res: Response;
  for (let hop = 0; ; hop++) {
    const isHttps = url.protocol === "https:";
    const port = url.port ? Number(url.port) : isHttps ? 443 : 80;
    const socket = await openConnection(
      url.hostname,
      port,
      ctx,
      rec,
      isHttps ? { servername: url.hostname, skipVerify: config.tls_skip_verify, alpn: ["http/1.1"] } : undefined,
    );
    rec.restart();
    res = await request(url, method, headers, body, ctx, rec, socket);
    socket.destroy();
    const next = config.follow_redirects ? redirectTarget(url, res) : null;
    if (!next) break;
    if (hop >= MAX_REDIRECTS) throw new Error(`stopped after ${MAX_REDIRECTS} redirects`);
    // As browsers do: 303, and 301/302 after a POST, turn into a GET without a body, and
    // credentials are not sent to another origin.
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === "POST")) {
      method = method === "HEAD" ? "HEAD" : "GET";
      body = "";
    }
    if (next.origin !== url.origin) {
      headers = Object.fromEntries(Object.entries(headers).filter(([k]) => !["authorization", "cookie"].includes(k.toLowerCase())));
    }
    url = next;
  }
  rec.finish();
  try {
    judgeResponse(config, res);
  } catch (err) {
    rec.evidence = res.body.subarray(0, EVIDENCE_LIMIT).toString("utf8");
    throw err;
  }
}

/** Throws the first expectation the response breaks: status, keywords, then JSON assertions. */
export function judgeResponse(config: Pick<HttpProbe, "expected_status" | "must_contain" | "must_not_contain" | "json">, res: { status: number; body: Buffer }): void {
  const ranges = parseExpectedStatus(config.expected_status) ?? [[200, 299]];
  if (!statusMatches(ranges, res.status)) throw new Error(`response status ${res.status}`);
  const text = res.body.toString("utf8");
  if (config.must_contain && !text.includes(config.must_contain)) {
    throw new Error(`response does not contain ${JSON.stringify(config.must_contain)}`);
  }
  if (config.must_not_contain && text.includes(config.must_not_contain)) {
    throw new Error(`response contains ${JSON.stringify(config.must_not_contain)}`);
  }
  if (config.json.length === 0) return;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Error("response is not valid JSON");
  }
  for (const assertion of config.json) {
    const problem = checkJsonAssertion(doc, assertion);
    if (problem) throw new Error(`json ${assertion.path}: ${problem}`);
  }
}

const MISSING = Symbol("missing");

function select(doc: unknown, path: string): unknown {
  let node: unknown = doc;
  for (const step of parseJsonPath(path) ?? []) {
    if (typeof step === "number") {
      if (!Array.isArray(node) || step >= node.length) return MISSING;
      node = node[step];
    } else {
      if (typeof node !== "object" || node === null || Array.isArray(node) || !Object.hasOwn(node, step)) return MISSING;
      node = (node as Record<string, unknown>)[step];
    }
  }
  return node;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A number, or a string holding one ("42" from an API that quotes its numbers); else null. */
function asNumber(v: unknown): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/**
 * Null when `doc` satisfies the assertion, else why not. `==`/`!=` compare JSON values exactly;
 * the ordering operators compare numbers (numeric strings count); `contains` looks for a
 * substring in a string or an equal element in an array.
 */
export function checkJsonAssertion(doc: unknown, { path, op, value }: JsonAssertion): string | null {
  const actual = select(doc, path);
  if (actual === MISSING) return "not found";
  const shown = JSON.stringify(actual);
  const want = JSON.stringify(value);
  switch (op) {
    case "==":
      return sameJson(actual, value) ? null : `expected ${want}, got ${shown}`;
    case "!=":
      return sameJson(actual, value) ? `expected anything but ${want}` : null;
    case "contains":
      if (typeof actual === "string") return actual.includes(String(value)) ? null : `${shown} does not contain ${want}`;
      if (Array.isArray(actual)) return actual.some((item) => sameJson(item, value)) ? null : `${shown} does not contain ${want}`;
      return `${shown} is not a string or list`;
    default: {
      const [a, b] = [asNumber(actual), asNumber(value)];
      if (a === null || b === null) return `${shown} and ${want} are not both numbers`;
      const ok = op === "<" ? a < b : op === "<=" ? a <= b : op === ">" ? a > b : a >= b;
      return ok ? null : `expected ${op} ${want}, got ${shown}`;
    }
  }
}

export const httpProbe: ProbeTypeDescriptor<HttpProbe> = {
  type: "http",
  label: "HTTP(S)",
  description: "Requests a URL and checks the status code, keywords and JSON of the answer.",
  configSchema: httpProbeSchema,
  form: {
    fields: [
      { name: "url", label: "URL", type: "url", required: true, placeholder: "https://example.org/health" },
      { name: "method", label: "Method", type: "select", options: HTTP_METHODS.map((m) => ({ value: m, label: m })) },
      { name: "expected_status", label: "Expected status", type: "text", placeholder: "200-299", hint: "Codes and ranges, e.g. 200-299,301" },
      { name: "headers", label: "Headers", type: "textarea", placeholder: "Authorization: Bearer …", hint: "One per line, Name: value" },
      { name: "body", label: "Body", type: "textarea" },
      { name: "must_contain", label: "Response must contain", type: "text" },
      { name: "must_not_contain", label: "Response must not contain", type: "text" },
      { name: "json", label: "JSON assertions", type: "textarea", placeholder: '$.status == "ok"', hint: "One per line: $.path op value, op one of == != < <= > >= contains" },
      { name: "follow_redirects", label: "Follow redirects (up to 10)", type: "checkbox" },
      { name: "tls_skip_verify", label: "Skip certificate verification", type: "checkbox" },
      { name: "cert_expiry_threshold", label: "Warn when the certificate expires within (days)", type: "text" },
    ],
    defaults: { method: "GET", expected_status: "200-299", follow_redirects: "", tls_skip_verify: "", cert_expiry_threshold: "14" },
  },
  summarize: (c) => `${c.method} ${c.url} ${c.expected_status}`,
  attempt,
};
