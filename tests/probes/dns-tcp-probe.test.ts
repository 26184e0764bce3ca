// The DNS probe against a small UDP name server the test runs, and the TCP probe against open
// and closed loopback ports.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseProbeConfig } from "@/lib/probes/config";
import { runProbe } from "@/lib/probes/run-probe";
import type { ProbeResult } from "@/lib/probes/types";
import { type DnsServer, startDnsServer } from "../helpers/dns-server";

let ns: DnsServer;
let silent: DnsServer;

beforeAll(async () => {
  ns = await startDnsServer({
    "vigil.test": {
      A: ["192.0.2.10", "192.0.2.11"],
      AAAA: ["2001:db8::1"],
      MX: [
        { priority: 10, exchange: "mx1.vigil.test" },
        { priority: 20, exchange: "mx2.vigil.test" },
      ],
      NS: ["ns1.vigil.test"],
      TXT: [["v=spf1 -all"], ["long-", "chunked-", "record"]],
    },
    "www.vigil.test": { CNAME: "vigil.test" },
    "empty.vigil.test": {},
  });
  silent = await startDnsServer({}, { silent: true });
});

afterAll(async () => {
  await ns.close();
  await silent.close();
});

const dns = (options: Record<string, unknown>): Promise<ProbeResult> =>
  runProbe(parseProbeConfig({ type: "dns", server: ns.address, timeout: 2, ...options }), { allowPrivate: true });

describe("the DNS probe", () => {
  test.each<[string, string, string[]]>([
    ["A", "vigil.test", ["192.0.2.10", "192.0.2.11"]],
    ["A", "vigil.test", ["192.0.2.11"]],
    ["AAAA", "vigil.test", ["2001:0db8:0:0::1"]],
    ["MX", "vigil.test", ["mx1.vigil.test", "MX2.vigil.test."]],
    ["NS", "vigil.test", ["ns1.vigil.test"]],
    ["TXT", "vigil.test", ["v=spf1 -all", "long-chunked-record"]],
    ["CNAME", "www.vigil.test", ["vigil.test"]],
    ["A", "vigil.test", []],
  ])("a %s query for %s finds %j", async (record_type, hostname, expected) => {
    const r = await dns({ hostname, record_type, expected });
    expect(r).toMatchObject({ status: "healthy", error: null, resolved_ip: "127.0.0.1" });
    const t = r.attempts[0].timings;
    expect(t.dns_ms).not.toBeNull();
    expect(t.dns_ms!).toBeLessThanOrEqual(t.total_ms);
    expect(t.connect_ms).toBeNull();
    expect(ns.queries).toContain(`${record_type} ${hostname}`);
  });

  test("an expected answer that is missing is down, and the answers are kept as evidence", async () => {
    const r = await dns({ hostname: "vigil.test", expected: ["192.0.2.10", "192.0.2.99"] });
    expect(r).toMatchObject({ status: "down", error: 'expected A answer "192.0.2.99" not found', evidence: "answers: 192.0.2.10, 192.0.2.11" });
  });

  test("NXDOMAIN is down", async () => {
    const r = await dns({ hostname: "nope.vigil.test" });
    expect(r).toMatchObject({ status: "down", error: "nope.vigil.test does not exist (NXDOMAIN)" });
  });

  test("a name without records of the type is down", async () => {
    const r = await dns({ hostname: "empty.vigil.test", record_type: "MX" });
    expect(r).toMatchObject({ status: "down", error: "no MX records for empty.vigil.test" });
  });

  test("a name server that never answers is down at the timeout", async () => {
    const r = await dns({ hostname: "vigil.test", server: silent.address, timeout: 1 });
    expect(r.status).toBe("down");
    expect(["the name server did not answer in time", "timed out after 1 s"]).toContain(r.error);
  });
});

describe("the TCP probe", () => {
  let server: net.Server;
  let port: number;
  beforeAll(async () => {
    server = net.createServer((s) => s.end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => {
    server.close();
  });

  test("an open port is healthy, with the connect time and address", async () => {
    const r = await runProbe(parseProbeConfig({ type: "tcp", address: `127.0.0.1:${port}` }), { allowPrivate: true });
    expect(r).toMatchObject({ status: "healthy", resolved_ip: "127.0.0.1", error: null });
    expect(r.attempts[0].timings).toMatchObject({ dns_ms: null, tls_ms: null, ttfb_ms: null });
    expect(r.attempts[0].timings.connect_ms).toBeGreaterThanOrEqual(0);
  });

  test("a host name is looked up and timed", async () => {
    const r = await runProbe(parseProbeConfig({ type: "tcp", address: `localhost:${port}` }), { allowPrivate: true });
    expect(r.status).toBe("healthy");
    expect(r.attempts[0].timings.dns_ms).not.toBeNull();
  });

  test("a closed port is down with connection refused, on every attempt", async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const freePort = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const r = await runProbe(parseProbeConfig({ type: "tcp", address: `127.0.0.1:${freePort}`, attempts: 2 }), { allowPrivate: true });
    expect(r).toMatchObject({ status: "down", error: "connection refused" });
    expect(r.attempts.map((a) => a.error)).toEqual(["connection refused", "connection refused"]);
  });

  test("an unknown host is down", async () => {
    const r = await runProbe(parseProbeConfig({ type: "tcp", address: "no-such-host.invalid:80", timeout: 5 }), { allowPrivate: true });
    expect(r.status).toBe("down");
    expect(r.error).toMatch(/^(no such host no-such-host\.invalid|temporary failure resolving no-such-host\.invalid)$/);
  });
});
