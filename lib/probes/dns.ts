// The DNS probe: asks a name server (or the system's) for one record type of a name and checks
// the expected answers are all there. NXDOMAIN, an empty answer or no reply at all is down.
import dns from "node:dns";
import net from "node:net";
import { type AttemptRecorder, abortError, raceAbort } from "./attempt";
import { dnsProbeSchema, splitHostPort, DNS_RECORD_TYPES } from "./config";
import { checkProbeAddress, resolveHost } from "./connect";
import type { AttemptContext, ProbeTypeDescriptor } from "./descriptor";
import type { DnsProbe, DnsRecordType } from "./types";

/** The answers as text: MX by its exchange (the priority is not compared), TXT with its chunks joined. */
async function query(resolver: dns.promises.Resolver, hostname: string, type: DnsRecordType): Promise<string[]> {
  switch (type) {
    case "A":
      return resolver.resolve4(hostname);
    case "AAAA":
      return resolver.resolve6(hostname);
    case "CNAME":
      return resolver.resolveCname(hostname);
    case "MX":
      return (await resolver.resolveMx(hostname)).map((mx) => mx.exchange);
    case "NS":
      return resolver.resolveNs(hostname);
    case "TXT":
      return (await resolver.resolveTxt(hostname)).map((chunks) => chunks.join(""));
  }
}

/** How answers are compared: IPs in canonical form, names without case or the final dot. */
export function normalizeAnswer(answer: string, type: DnsRecordType): string {
  const trimmed = answer.trim();
  if (type === "TXT") return trimmed;
  if (type === "AAAA" && net.isIPv6(trimmed)) return new URL(`http://[${trimmed}]/`).hostname.slice(1, -1);
  return trimmed.toLowerCase().replace(/\.$/, "");
}

function describeDnsError(err: unknown, config: DnsProbe): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOTFOUND":
      return `${config.hostname} does not exist (NXDOMAIN)`;
    case "ENODATA":
      return `no ${config.record_type} records for ${config.hostname}`;
    case "ETIMEOUT":
      return "the name server did not answer in time";
    case "ECONNREFUSED":
      return "the name server refused the connection";
    case "ESERVFAIL":
      return "the name server failed (SERVFAIL)";
    case "EREFUSED":
      return "the name server refused the query (REFUSED)";
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

async function attempt(config: DnsProbe, ctx: AttemptContext, rec: AttemptRecorder): Promise<void> {
  const resolver = new dns.promises.Resolver({ timeout: ctx.timeoutMs, tries: 1 });
  if (config.server) {
    const target = splitHostPort(config.server, 53);
    if (!target) throw new Error(`invalid name server ${config.server}`);
    // The name server's own name, if it has one, is looked up like any probe's host, and the
    // address is judged by the policy; the system resolver is the operator's and is not.
    const [ip] = await resolveHost(target.host, ctx, rec);
    checkProbeAddress(ip, ctx.allowPrivate);
    rec.resolvedIp = ip;
    resolver.setServers([net.isIPv6(ip) ? `[${ip}]:${target.port}` : `${ip}:${target.port}`]);
  }
  rec.restart();
  const onAbort = () => resolver.cancel();
  ctx.signal.addEventListener("abort", onAbort, { once: true });
  let answers: string[];
  try {
    answers = await raceAbort(query(resolver, config.hostname, config.record_type), ctx.signal);
  } catch (err) {
    if (ctx.signal.aborted) throw abortError(ctx.signal);
    throw new Error(describeDnsError(err, config));
  } finally {
    ctx.signal.removeEventListener("abort", onAbort);
  }
  rec.end("dns_ms");
  rec.finish();
  if (answers.length === 0) throw new Error(`no ${config.record_type} records for ${config.hostname}`);
  const got = new Set(answers.map((a) => normalizeAnswer(a, config.record_type)));
  const missing = config.expected.filter((e) => !got.has(normalizeAnswer(e, config.record_type)));
  if (missing.length > 0) {
    rec.evidence = `answers: ${answers.join(", ")}`.slice(0, 1024);
    throw new Error(`expected ${config.record_type} answer ${missing.map((m) => JSON.stringify(m)).join(", ")} not found`);
  }
}

export const dnsProbe: ProbeTypeDescriptor<DnsProbe> = {
  type: "dns",
  label: "DNS record",
  description: "Asks a name server for a record and checks the expected answers are there.",
  configSchema: dnsProbeSchema,
  form: {
    fields: [
      { name: "hostname", label: "Name", type: "text", required: true, placeholder: "example.org" },
      { name: "record_type", label: "Record type", type: "select", options: DNS_RECORD_TYPES.map((t) => ({ value: t, label: t })) },
      { name: "server", label: "Name server", type: "text", placeholder: "1.1.1.1:53", hint: "host:port; empty = the system resolver" },
      { name: "expected", label: "Expected answers", type: "textarea", hint: "One per line; all must be present. MX: the exchange name" },
    ],
    defaults: { record_type: "A", server: "" },
  },
  summarize: (c) => `${c.record_type} ${c.hostname}${c.server ? ` @${c.server}` : ""}${c.expected.length ? ` = ${c.expected.join(", ")}` : ""}`,
  attempt,
};
