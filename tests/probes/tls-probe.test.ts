// HTTPS, TLS and TCP+TLS probes against loopback servers with certificates the test makes: a
// valid one from a test CA, one expiring in 3 days, an expired one, one for another host, a
// self-signed one, and the same with tls_skip_verify.
import https from "node:https";
import type { AddressInfo } from "node:net";
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseProbeConfig } from "@/lib/probes/config";
import { runProbe } from "@/lib/probes/run-probe";
import type { ProbeResult } from "@/lib/probes/types";
import { type KeyPair, type TestCa, makeCa, makeSelfSigned } from "../helpers/test-pki";

const DAY = 86_400_000;
const NAMES = ["vigil.test", "127.0.0.1"];

let ca: TestCa;
const servers: { close(): void }[] = [];

async function httpsServer(pair: KeyPair): Promise<number> {
  const server = https.createServer({ key: pair.key, cert: pair.cert }, (_req, res) => res.end("hello over tls"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push({ close: () => (server.closeAllConnections(), server.close()) });
  return (server.address() as AddressInfo).port;
}

async function tlsServer(pair: KeyPair): Promise<number> {
  const server = tls.createServer({ key: pair.key, cert: pair.cert }, (socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

const run = (options: Record<string, unknown>): Promise<ProbeResult> =>
  runProbe(parseProbeConfig({ timeout: 5, ...options }), { allowPrivate: true, ca: ca.cert });

let ports: Record<"valid" | "expiring" | "expired" | "wrongHost" | "selfSigned", { https: number; tls: number }>;

beforeAll(async () => {
  ca = makeCa("Vigil Test CA");
  const pairs = {
    valid: ca.issue(NAMES),
    expiring: ca.issue(NAMES, { notAfter: new Date(Date.now() + 3 * DAY + 3600_000) }),
    expired: ca.issue(NAMES, { notBefore: new Date(Date.now() - 30 * DAY), notAfter: new Date(Date.now() - DAY) }),
    wrongHost: ca.issue(["other.example"]),
    selfSigned: makeSelfSigned(NAMES),
  };
  ports = Object.fromEntries(
    await Promise.all(Object.entries(pairs).map(async ([name, pair]) => [name, { https: await httpsServer(pair), tls: await tlsServer(pair) }] as const)),
  ) as typeof ports;
});

afterAll(() => {
  for (const s of servers) s.close();
});

type Kind = keyof typeof ports;

const cases: [Kind, boolean, ProbeResult["status"], string | null, string | null][] = [
  ["valid", false, "healthy", null, null],
  ["expiring", false, "degraded", null, "certificate expires in 3 days"],
  ["expired", false, "down", "tls: certificate has expired", null],
  ["wrongHost", false, "down", "tls: certificate is not valid for 127.0.0.1 (it covers DNS:other.example)", null],
  ["selfSigned", false, "down", "tls: self-signed certificate", null],
  ["valid", true, "healthy", null, null],
  ["expiring", true, "degraded", null, "certificate expires in 3 days"],
  // Skipping verification does not excuse an expired certificate.
  ["expired", true, "down", "certificate has expired", null],
  ["wrongHost", true, "healthy", null, null],
  ["selfSigned", true, "healthy", null, null],
];

describe("the HTTPS probe", () => {
  test.each(cases)("a %s certificate with tls_skip_verify=%s is %s", async (kind, skip, status, error, notice) => {
    const r = await run({ type: "http", url: `https://127.0.0.1:${ports[kind].https}/`, tls_skip_verify: skip, must_contain: "hello" });
    expect(r).toMatchObject({ status, error, notice });
    // The certificate is read even when it fails verification.
    expect(r.cert_expires).toBeInstanceOf(Date);
    expect(r.cert_issuer).toBe(kind === "selfSigned" ? "vigil.test" : "Vigil Test CA");
    const t = r.attempts[0].timings;
    expect(t.tls_ms).not.toBeNull();
    expect(t.connect_ms).not.toBeNull();
    if (status !== "down") expect(t.ttfb_ms).not.toBeNull();
  });

  test("a certificate expiring within cert_expiry_threshold=0 days is not judged", async () => {
    const r = await run({ type: "http", url: `https://127.0.0.1:${ports.expiring.https}/`, cert_expiry_threshold: 0 });
    expect(r.status).toBe("healthy");
  });

  test("the certificate's expiry is reported to the second", async () => {
    const r = await run({ type: "http", url: `https://127.0.0.1:${ports.valid.https}/` });
    expect(r.cert_expires!.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
  });

  test("without the test CA, a certificate it issued is untrusted", async () => {
    const r = await runProbe(parseProbeConfig({ type: "http", url: `https://127.0.0.1:${ports.valid.https}/` }), { allowPrivate: true });
    expect(r.status).toBe("down");
    expect(r.error).toBe("tls: unable to verify the first certificate");
  });
});

describe("the TLS probe", () => {
  test.each(cases)("a %s certificate with tls_skip_verify=%s is %s", async (kind, skip, status, error, notice) => {
    const r = await run({ type: "tls", address: `127.0.0.1:${ports[kind].tls}`, tls_skip_verify: skip });
    expect(r).toMatchObject({ status, error, notice, http_status: null, resolved_ip: "127.0.0.1" });
    expect(r.cert_expires).toBeInstanceOf(Date);
    expect(r.attempts[0].timings.tls_ms).not.toBeNull();
    expect(r.attempts[0].timings.ttfb_ms).toBeNull();
  });

  test("checks the certificate against the servername, sent as SNI", async () => {
    const ok = await run({ type: "tls", address: `127.0.0.1:${ports.valid.tls}`, servername: "vigil.test" });
    expect(ok.status).toBe("healthy");
    const wrong = await run({ type: "tls", address: `127.0.0.1:${ports.valid.tls}`, servername: "nope.test" });
    expect(wrong.status).toBe("down");
    expect(wrong.error).toBe("tls: certificate is not valid for nope.test (it covers DNS:vigil.test, IP Address:127.0.0.1)");
  });

  test("a port that does not speak TLS is down", async () => {
    const plain = await run({ type: "tls", address: `127.0.0.1:${ports.valid.https}`, timeout: 2 });
    expect(plain.status).toBe("healthy"); // an https server speaks TLS
    const server = (await import("node:net")).createServer((s) => s.end("SSH-2.0-OpenSSH\r\n"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const r = await run({ type: "tls", address: `127.0.0.1:${(server.address() as AddressInfo).port}`, timeout: 2 });
    server.close();
    expect(r.status).toBe("down");
    expect(r.error).toMatch(/^tls: /);
  });
});

describe("the TCP probe with tls", () => {
  test.each([
    ["valid", false, "healthy"],
    ["selfSigned", false, "down"],
    ["selfSigned", true, "healthy"],
    ["expired", false, "down"],
  ] as const)("a %s certificate with tls_skip_verify=%s is %s", async (kind, skip, status) => {
    const r = await run({ type: "tcp", address: `127.0.0.1:${ports[kind].tls}`, tls: true, tls_skip_verify: skip });
    expect(r.status).toBe(status);
    expect(r.attempts[0].timings.tls_ms).not.toBeNull();
  });
});
