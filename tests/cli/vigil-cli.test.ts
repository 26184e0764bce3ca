// The `vigil` command as a user runs it: real child processes on a fresh SQLite database.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import nodemailer from "nodemailer";
import { createTestDatabase } from "../helpers/databases";

const root = path.resolve(import.meta.dirname, "..", "..");
const bin = path.join(root, "bin", "vigil.mjs");

function vigil(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", timeout: 60_000 });
}

/** Starts `vigil start` and resolves with the ports it printed. */
function startVigil(env: Record<string, string>): Promise<{ child: ChildProcess; port: number; smtpPort: number }> {
  const child = spawn(process.execPath, [bin, "start", "--no-web-app"], {
    cwd: root,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", SMTPD_PORT: "0", SMTPD_HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vigil start printed:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const web = /management API\s+http:\/\/[^:]+:(\d+)\//.exec(out);
      const smtp = /email pings\s+smtp:\/\/[^:]+:(\d+)/.exec(out);
      if (web && smtp) {
        clearTimeout(timer);
        resolve({ child, port: Number(web[1]), smtpPort: Number(smtp[1]) });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`vigil start exited ${code}:\n${out}`)));
  });
}

describe("vigil CLI", () => {
  let env: Record<string, string>;
  let running: { child: ChildProcess; port: number; smtpPort: number };

  beforeAll(async () => {
    env = { DATABASE_URL: await createTestDatabase("sqlite"), SECRET_KEY: "cli-test" };
    running = await startVigil(env);
  });
  afterAll(async () => {
    running?.child.kill("SIGTERM");
    if (running && running.child.exitCode === null) await new Promise((r) => running.child.once("exit", r));
  });

  test("start serves status, the API, HTTP pings and email pings; createuser and apikey print working keys", async () => {
    const base = `http://127.0.0.1:${running.port}`;
    expect(await (await fetch(`${base}/api/v3/status/`)).text()).toBe("OK");

    const created = vigil(["createuser", "--email", "Ops@Example.org", "--password", "hunter2hunter2", "--json"], env);
    expect(created.status).toBe(0);
    const keys = JSON.parse(created.stdout.trim()) as Record<string, string>;
    expect(Object.keys(keys)).toEqual(["email", "project", "ping_key", "api_key", "api_key_readonly"]);
    expect(keys.email).toBe("ops@example.org");
    expect(keys.api_key).toMatch(/^hcw_[A-Za-z0-9]{28}$/);
    expect(keys.api_key_readonly).toMatch(/^hcr_[A-Za-z0-9]{28}$/);
    expect(keys.ping_key).toMatch(/^[a-z0-9]{22}$/);

    const res = await fetch(`${base}/api/v3/checks/`, {
      method: "POST",
      headers: { "X-Api-Key": keys.api_key },
      body: JSON.stringify({ name: "backup", slug: "backup" }),
    });
    expect(res.status).toBe(201);
    const check = (await res.json()) as { uuid: string };
    expect(await (await fetch(`${base}/ping/${check.uuid}`)).text()).toBe("OK");
    expect((await fetch(`${base}/ping/${keys.ping_key}/backup/fail`)).status).toBe(200);

    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: running.smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: "cron@example.org", to: `${check.uuid}@localhost`, subject: "done", text: "all good" });

    const readonly = vigil(["apikey", "--email", "ops@example.org", "--read-only"], env);
    expect(readonly.stdout.trim()).toMatch(/^hcr_/);
    const got = await fetch(`${base}/api/v3/checks/`, { headers: { "X-Api-Key": readonly.stdout.trim() } });
    const { checks } = (await got.json()) as { checks: { n_pings: number; status: string }[] };
    expect(checks).toMatchObject([{ n_pings: 3, status: "up" }]);

    const tooBig = await fetch(`${base}/api/v3/checks/`, { method: "POST", headers: { "X-Api-Key": keys.api_key }, body: "x".repeat(3_000_000) });
    expect(tooBig.status).toBe(413);
  });

  test("a bad setting stops the command with a message naming the variable", () => {
    const res = vigil(["migrate"], { ...env, PING_BODY_LIMIT: "lots" });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("PING_BODY_LIMIT");
    const flag = vigil(["migrate"], { ...env, REGISTRATION_OPEN: "yes" });
    expect(flag.stderr).toContain("REGISTRATION_OPEN: must be True or False");
  });

  test("a published example SECRET_KEY stops the command with a message naming the variable", () => {
    for (const value of ["change-me", "---"]) {
      const res = vigil(["migrate"], { ...env, SECRET_KEY: value });
      expect(res.status).toBe(1);
      expect(res.stderr).toContain("SECRET_KEY: ");
    }
  });

  test("without SECRET_KEY, the first command makes a key next to the database and every later one uses it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-cli-key-"));
    try {
      const sqlite = path.join(dir, "vigil.sqlite");
      fs.copyFileSync(new URL(await createTestDatabase("sqlite")).pathname, sqlite);
      const { SECRET_KEY: _unset, ...inherited } = process.env;
      const run = (args: string[]) =>
        spawnSync(process.execPath, [bin, ...args], { cwd: root, env: { ...inherited, DATABASE_URL: `file:${sqlite}` }, encoding: "utf8", timeout: 60_000 });

      const created = run(["createuser", "--email", "keyless@example.org", "--json"]);
      expect(created.status).toBe(0);
      const keyFile = path.join(dir, "secret_key");
      expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
      const key = fs.readFileSync(keyFile, "utf8");

      // A second process reads the key the first made instead of making another.
      expect(run(["apikey", "--email", "keyless@example.org"]).stdout.trim()).toMatch(/^hcw_/);
      expect(fs.readFileSync(keyFile, "utf8")).toBe(key);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("unknown commands and missing options print usage", () => {
    const res = vigil(["frobnicate"], env);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain("Usage: vigil <command>");
    expect(vigil(["apikey", "--email", "nobody@example.org"], env).stderr).toContain("no user with email nobody@example.org");
  });
});
