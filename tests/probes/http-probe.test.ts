// The HTTP probe against a loopback server the test starts: status codes and ranges, slow
// answers, redirects, keywords, JSON assertions, evidence, methods and headers, attempts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseProbeConfig } from "@/lib/probes/config";
import { runProbe } from "@/lib/probes/run-probe";
import type { ProbeResult } from "@/lib/probes/types";

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server;
let base: string;
let port: number;
const seen: Seen[] = [];

function handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
  const url = new URL(req.url ?? "/", "http://x");
  seen.push({ method: req.method ?? "", url: url.pathname + url.search, headers: req.headers, body });
  const status = Number(url.searchParams.get("status") ?? 200);
  switch (url.pathname) {
    case "/status":
      res.writeHead(status, { "content-type": "text/plain" }).end(`answered ${status}`);
      return;
    case "/slow":
      // Headers never come; the probe's timeout must end the attempt.
      return;
    case "/slow-body":
      res.writeHead(200);
      res.write("partial");
      return;
    case "/redirect": {
      const hops = Number(url.searchParams.get("hops") ?? 1);
      const to = hops > 1 ? `/redirect?hops=${hops - 1}` : (url.searchParams.get("to") ?? "/status");
      res.writeHead(Number(url.searchParams.get("code") ?? 302), { location: to }).end();
      return;
    }
    case "/json":
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({ status: "ok", db: { latency: 12, replicas: ["a", "b"] }, count: "42", "odd key": true }),
      );
      return;
    case "/page":
      res.writeHead(200, { "content-type": "text/html" }).end("<html><body>Welcome! All systems go.</body></html>");
      return;
    case "/error-page":
      res.writeHead(503, { "content-type": "text/html" }).end("x".repeat(3000));
      return;
    case "/big":
      res.writeHead(200);
      // Past the 1 MiB limit, the keyword at the end must not be seen.
      res.write(Buffer.alloc(1024 * 1024, "a"));
      res.end("NEEDLE");
      return;
    case "/echo":
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ method: req.method, body }));
      return;
    default:
      res.writeHead(404).end("not found");
  }
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => handle(req, res, Buffer.concat(chunks).toString()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const probe = (options: Record<string, unknown>): Promise<ProbeResult> =>
  runProbe(parseProbeConfig({ type: "http", timeout: 2, ...options }), { allowPrivate: true });

function expectTimingsPresent(result: ProbeResult): void {
  for (const a of result.attempts) {
    const t = a.timings;
    expect(t.total_ms).toBeGreaterThanOrEqual(0);
    expect(a.rtt_ms).toBe(t.total_ms);
    const phases = [t.dns_ms, t.connect_ms, t.tls_ms, t.ttfb_ms].filter((v): v is number => v !== null);
    for (const p of phases) expect(p).toBeGreaterThanOrEqual(0);
    // The phases stack within the whole attempt.
    expect(phases.reduce((s, p) => s + p, 0)).toBeLessThanOrEqual(t.total_ms + 0.01);
  }
}

describe("the HTTP probe", () => {
  test("is healthy on a 200 and records the status, address and every phase it went through", async () => {
    const r = await probe({ url: `${base}/status` });
    expect(r).toMatchObject({ status: "healthy", error: null, notice: null, http_status: 200, resolved_ip: "127.0.0.1", region: "local", evidence: null });
    expect(r.attempts).toHaveLength(1);
    const t = r.attempts[0].timings;
    expect(t.dns_ms).toBeNull(); // an IP literal needs no lookup
    expect(t.connect_ms).not.toBeNull();
    expect(t.tls_ms).toBeNull();
    expect(t.ttfb_ms).not.toBeNull();
    expect(r.rtt_ms).toBe(r.attempts[0].rtt_ms);
    expectTimingsPresent(r);
  });

  test("times the lookup of a host name", async () => {
    const r = await probe({ url: `http://localhost:${port}/status` });
    expect(r.status).toBe("healthy");
    expect(r.attempts[0].timings.dns_ms).not.toBeNull();
    expect(r.resolved_ip).toBe("127.0.0.1");
    expectTimingsPresent(r);
  });

  test.each([
    [500, "200-299", "down"],
    [404, "200-299", "down"],
    [204, "200-299", "healthy"],
    [301, "200-299,301", "healthy"],
    [418, "200,418", "healthy"],
    [503, "500-502", "down"],
  ])("a %s answer against expected_status %s is %s", async (code, expected, verdict) => {
    const r = await probe({ url: `${base}/status?status=${code}`, expected_status: expected });
    expect(r.status).toBe(verdict);
    expect(r.http_status).toBe(code);
    if (verdict === "down") expect(r.error).toBe(`response status ${code}`);
  });

  test("a server that never answers fails the attempt at its timeout", async () => {
    const r = await probe({ url: `${base}/slow`, timeout: 1 });
    expect(r).toMatchObject({ status: "down", error: "timed out after 1 s", http_status: null });
    expect(r.attempts[0].timings.connect_ms).not.toBeNull();
    expect(r.attempts[0].timings.ttfb_ms).toBeNull();
  });

  test("the timeout covers reading the body too", async () => {
    const r = await probe({ url: `${base}/slow-body`, timeout: 1 });
    expect(r).toMatchObject({ status: "down", error: "timed out after 1 s", http_status: 200 });
  });

  test("a closed port is down with connection refused", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const r = await probe({ url: `http://127.0.0.1:${freePort}/` });
    expect(r).toMatchObject({ status: "down", error: "connection refused", resolved_ip: null });
  });

  test("does not follow redirects by default, as Checkup", async () => {
    const r = await probe({ url: `${base}/redirect` });
    expect(r).toMatchObject({ status: "down", error: "response status 302", http_status: 302 });
  });

  test("follows redirects, relative ones included, when asked", async () => {
    const r = await probe({ url: `${base}/redirect?hops=3`, follow_redirects: true });
    expect(r).toMatchObject({ status: "healthy", http_status: 200 });
    expectTimingsPresent(r);
  });

  test("follows an absolute redirect to another host", async () => {
    const r = await probe({ url: `${base}/redirect?to=${encodeURIComponent(`http://localhost:${port}/status`)}`, follow_redirects: true });
    expect(r).toMatchObject({ status: "healthy", http_status: 200 });
  });

  test("does not send credentials to another origin when following a redirect", async () => {
    seen.length = 0;
    const to = encodeURIComponent(`http://localhost:${port}/status`);
    const r = await probe({ url: `${base}/redirect?to=${to}`, follow_redirects: true, headers: { Authorization: "Bearer t", Cookie: "s=1", "X-Keep": "1" } });
    expect(r.status).toBe("healthy");
    expect(seen[0].headers).toMatchObject({ authorization: "Bearer t", cookie: "s=1", "x-keep": "1" });
    expect(seen[1].headers.authorization).toBeUndefined();
    expect(seen[1].headers.cookie).toBeUndefined();
    expect(seen[1].headers["x-keep"]).toBe("1");
  });

  test("gives up after 10 redirects", async () => {
    const r = await probe({ url: `${base}/redirect?hops=11`, follow_redirects: true });
    expect(r).toMatchObject({ status: "down", error: "stopped after 10 redirects" });
    expect((await probe({ url: `${base}/redirect?hops=10`, follow_redirects: true })).status).toBe("healthy");
  });

  test("a 303 after a POST turns into a GET without the body", async () => {
    seen.length = 0;
    const r = await probe({ url: `${base}/redirect?code=303&to=/echo`, method: "POST", body: "x=1", follow_redirects: true, must_contain: '"method":"GET"' });
    expect(r.status).toBe("healthy");
    expect(seen.map((s) => s.method)).toEqual(["POST", "GET"]);
  });

  test("sends the method, headers and body it is given, on a fresh connection", async () => {
    seen.length = 0;
    const r = await probe({ url: `${base}/echo`, method: "PUT", headers: { Authorization: "Bearer t", "X-Test": "1" }, body: '{"a":1}' });
    expect(r.status).toBe("healthy");
    expect(seen[0]).toMatchObject({ method: "PUT", body: '{"a":1}' });
    expect(seen[0].headers).toMatchObject({ authorization: "Bearer t", "x-test": "1", connection: "close", host: `127.0.0.1:${port}` });
  });

  test("a probe's Host header replaces the URL's, as Checkup's does", async () => {
    seen.length = 0;
    await probe({ url: `${base}/status`, headers: { Host: "api.example.org", "User-Agent": "mine" } });
    expect(seen[0].headers.host).toBe("api.example.org");
    expect(seen[0].headers["user-agent"]).toBe("mine");
  });

  test("a HEAD request is judged on its status alone", async () => {
    expect((await probe({ url: `${base}/status`, method: "HEAD" })).status).toBe("healthy");
  });

  test.each([
    [{ must_contain: "All systems go" }, "healthy", null],
    [{ must_contain: "Maintenance" }, "down", 'response does not contain "Maintenance"'],
    [{ must_not_contain: "Error" }, "healthy", null],
    [{ must_not_contain: "Welcome" }, "down", 'response contains "Welcome"'],
    [{ must_contain: "Welcome", must_not_contain: "Welcome!" }, "down", 'response contains "Welcome!"'],
  ])("keywords %j → %s", async (options, verdict, error) => {
    const r = await probe({ url: `${base}/page`, ...options });
    expect(r.status).toBe(verdict);
    expect(r.error).toBe(error);
    expect(r.evidence).toBe(verdict === "down" ? "<html><body>Welcome! All systems go.</body></html>" : null);
  });

  test("keywords are looked for in the first MiB of the body only", async () => {
    const r = await probe({ url: `${base}/big`, must_contain: "NEEDLE" });
    expect(r).toMatchObject({ status: "down", error: 'response does not contain "NEEDLE"' });
    expect(r.evidence).toBe("a".repeat(1024));
  });

  test("keeps the first KiB of a failing response as evidence", async () => {
    const r = await probe({ url: `${base}/error-page` });
    expect(r.status).toBe("down");
    expect(r.evidence).toBe("x".repeat(1024));
  });

  test.each([
    [[{ path: "$.status", op: "==", value: "ok" }], "healthy", null],
    [[{ path: "$.db.latency", op: "<", value: 50 }, { path: "$['db'].replicas[1]", op: "==", value: "b" }], "healthy", null],
    [[{ path: "$.count", op: ">=", value: 40 }], "healthy", null],
    [[{ path: "$.db.replicas", op: "contains", value: "a" }], "healthy", null],
    [[{ path: "$['odd key']", op: "==", value: true }], "healthy", null],
    [[{ path: "$.status", op: "!=", value: "ok" }], "down", 'json $.status: expected anything but "ok"'],
    [[{ path: "$.db.latency", op: ">", value: 50 }], "down", "json $.db.latency: expected > 50, got 12"],
    [[{ path: "$.missing", op: "==", value: null }], "down", "json $.missing: not found"],
    [[{ path: "$.db.replicas[5]", op: "==", value: "a" }], "down", "json $.db.replicas[5]: not found"],
  ])("JSON assertions %j → %s", async (json, verdict, error) => {
    const r = await probe({ url: `${base}/json`, json });
    expect(r.status).toBe(verdict);
    expect(r.error).toBe(error);
  });

  test("a JSON assertion on a body that is not JSON is down", async () => {
    const r = await probe({ url: `${base}/page`, json: [{ path: "$", op: "!=", value: null }] });
    expect(r).toMatchObject({ status: "down", error: "response is not valid JSON" });
  });

  test("runs every attempt, each on its own connection, and any failed one makes the run down", async () => {
    seen.length = 0;
    const r = await probe({ url: `${base}/status`, attempts: 3, attempt_spacing: 20 });
    expect(r.status).toBe("healthy");
    expect(r.attempts).toHaveLength(3);
    expect(seen).toHaveLength(3);
    expectTimingsPresent(r);
    const sorted = r.attempts.map((a) => a.rtt_ms).sort((a, b) => a - b);
    expect(r.rtt_ms).toBe(sorted[1]);
  });

  test("a slow median beyond threshold_rtt is degraded", async () => {
    // A threshold of 1 ms against a server that answers after 20 ms.
    const slow = http.createServer((_req, res) => setTimeout(() => res.end("ok"), 20));
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    const r = await probe({ url: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`, threshold_rtt: 1 });
    slow.close();
    expect(r).toMatchObject({ status: "degraded", notice: "median round trip time exceeded threshold", error: null });
  });

  test("an aborted run stops with the abort's reason", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("shutting down")), 50);
    const r = await runProbe(parseProbeConfig({ type: "http", url: `${base}/slow`, attempts: 3 }), { allowPrivate: true, signal: controller.signal });
    expect(r).toMatchObject({ status: "down", error: "shutting down" });
    expect(r.attempts).toHaveLength(1);
  });
});
