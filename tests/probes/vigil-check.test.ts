// `vigil check` as a Checkup user runs it: a checkup.json in their directory, the real command,
// loopback stand-ins for the endpoints, no SECRET_KEY and no database.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DnsServer, startDnsServer } from "../helpers/dns-server";
import { makeCa } from "../helpers/test-pki";

const root = path.resolve(import.meta.dirname, "..", "..");
const bin = path.join(root, "bin", "vigil.mjs");

let dir: string;
let web: http.Server;
let secure: https.Server;
let tcp: net.Server;
let ns: DnsServer;
let healthy: Record<string, unknown>[];
const port = (s: net.Server) => (s.address() as net.AddressInfo).port;

/** Runs `vigil check` without blocking this process, whose loopback servers must keep answering. */
function vigilCheck(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.SECRET_KEY;
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [bin, "check", ...args], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once("close", (status) => resolve({ status, stdout, stderr })));
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-check-"));
  const ca = makeCa();
  const leaf = ca.issue(["127.0.0.1"]);
  fs.writeFileSync(path.join(dir, "ca.pem"), ca.cert);
  web = http.createServer((req, res) => res.writeHead(req.url === "/down" ? 500 : 200).end("all good"));
  secure = https.createServer({ key: leaf.key, cert: leaf.cert }, (_req, res) => res.end("tls ok"));
  tcp = net.createServer((s) => s.end());
  for (const s of [web, secure, tcp]) await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  ns = await startDnsServer({ "vigil.test": { A: ["192.0.2.1"] } });
  healthy = [
    { type: "http", endpoint_name: "Web", endpoint_url: `http://127.0.0.1:${port(web)}/`, must_contain: "good", attempts: 2 },
    { type: "tcp", endpoint_name: "Port", endpoint_url: `127.0.0.1:${port(tcp)}` },
    { type: "tcp", endpoint_name: "Port over TLS", endpoint_url: `127.0.0.1:${port(secure)}`, tls: true, tls_ca_file: "ca.pem" },
    { type: "dns", endpoint_name: "Name", endpoint_url: ns.address, hostname_fqdn: "vigil.test" },
    { type: "tls", endpoint_name: "Cert", endpoint_url: `127.0.0.1:${port(secure)}`, trusted_roots: ["ca.pem"] },
    { type: "exec", name: "Script", command: process.execPath, arguments: ["-e", "console.log('fine')"], must_contain: "fine" },
  ];
});

afterAll(async () => {
  for (const s of [web, secure, tcp]) s.close();
  await ns.close();
});

describe("vigil check", () => {
  test("runs every checker of ./checkup.json, prints a table and exits 0 when none is down", async () => {
    fs.writeFileSync(path.join(dir, "checkup.json"), JSON.stringify({ checkers: healthy }));
    const r = await vigilCheck([]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^NAME\s+VERDICT\s+MEDIAN\s+MIN\s+MAX\s+NOTICE$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/).slice(0, 2))).toEqual([
      ["Web", "healthy"],
      ["Port", "healthy"],
      ["Port over TLS", "healthy"],
      ["Name", "healthy"],
      ["Cert", "healthy"],
      ["Script", "healthy"],
    ]);
  });

  test("exits 1 when any is down, and --json prints Checkup's results", async () => {
    const file = path.join(dir, "failing.json");
    fs.writeFileSync(
      file,
      JSON.stringify({
        checkers: [
          healthy[0],
          { type: "http", endpoint_name: "Broken", endpoint_url: `http://127.0.0.1:${port(web)}/down` },
          { type: "exec", name: "Warn only", command: "false", raise: "warn" },
          { type: "http", endpoint_name: "Slow", endpoint_url: `http://127.0.0.1:${port(web)}/`, threshold_rtt: "1us" },
        ],
      }),
    );
    const r = await vigilCheck(["-c", "failing.json", "--json"]);
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(results).toHaveLength(4);
    expect(/"timestamp":(\d{19})/.test(r.stdout)).toBe(true);
    for (const item of results) {
      expect(Object.keys(item).filter((k) => ["healthy", "degraded", "down"].includes(k))).toHaveLength(1);
      expect(Array.isArray(item.times)).toBe(true);
    }
    expect(results[0]).toMatchObject({ title: "Web", endpoint: `http://127.0.0.1:${port(web)}/`, healthy: true });
    expect((results[0].times as unknown[]).length).toBe(2);
    expect(results[1]).toMatchObject({ title: "Broken", down: true, times: [{ error: "response status 500" }] });
    expect(results[2]).toMatchObject({ title: "Warn only", degraded: true, notice: "exit status 1" });
    expect(results[3]).toMatchObject({ title: "Slow", degraded: true, threshold: 1000, notice: "median round trip time exceeded threshold" });
  });

  test("a missing or broken config is an error on stderr", async () => {
    const missing = await vigilCheck(["-c", "nope.json"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`vigil: cannot read ${path.join(dir, "nope.json")}\n`);
    fs.writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ checkers: [{ type: "smtp", endpoint_name: "Mail" }] }));
    const bad = await vigilCheck(["-c", "bad.json"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('vigil: checkup.json: checker "Mail": type must be one of http, tcp, dns, tls, exec\n');
    const usage = await vigilCheck(["--every", "soon"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^vigil: --every: "soon" is not a duration like 30s, 10m or 1h30m/);
  });

  test("--every repeats the checks until stopped", async () => {
    fs.writeFileSync(path.join(dir, "every.json"), JSON.stringify({ checkers: [healthy[1]] }));
    const env = { ...process.env };
    delete env.SECRET_KEY;
    const child = spawn(process.execPath, [bin, "check", "-c", "every.json", "--every", "1s", "--json"], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`printed: ${out}`)), 30_000);
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.trim().split("\n").length >= 2) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill("SIGINT");
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(0);
    for (const line of out.trim().split("\n")) expect(JSON.parse(line)).toMatchObject([{ title: "Port", healthy: true }]);
  });
});
