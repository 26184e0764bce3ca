// vigil plan / apply / export / message against the real front server on loopback, on both
// databases: the commands run as functions of their arguments, exactly as the CLI calls them.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { runConfigCommand } from "../../lib/config-as-code/commands";
import { getDb } from "../../lib/db";
import { startFrontServer, type FrontServer } from "../../lib/server/create-front-server";
import { createFixture, type Fixture } from "../api/fixtures";
import { forEachDatabase, resetDatabase } from "../helpers/databases";

const VIGIL_YML = `# yaml-language-server: $schema=./vigil.schema.json
checks:
  nightly-backup:
    schedule: "0 3 * * *"
    tz: Europe/Berlin
    grace: 3600
    channels: [ops-mail]
    tags: [backup]
  api:
    probe: { type: http, url: "https://api.example.org/health", interval: 60, regions: [local] }
    channels: [ops-mail]
  disk:
    timeout: 86400
channels:
  ops-mail: { kind: email, value: alice@example.org }
status_pages:
  acme:
    title: Acme
    components:
      - { check: api, name: Public API, group: Backend }
      - { check: nightly-backup }
`;

const CHECKUP_JSON = JSON.stringify({
  checkers: [
    { type: "http", endpoint_name: "Website", endpoint_url: "https://www.example.org", attempts: 3 },
    { type: "tcp", endpoint_name: "Database", endpoint_url: "db.example.org:5432" },
    { type: "exec", name: "Local script", command: "true" },
  ],
  storage: { provider: "fs", dir: "/tmp/checkup" },
});

forEachDatabase(() => {
  let server: FrontServer;
  let url: string;
  let fx: Fixture;
  let dir: string;

  beforeAll(async () => {
    server = await startFrontServer({ port: 0, host: "127.0.0.1" });
    url = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    await resetDatabase();
    fx = await createFixture();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-cac-"));
  });

  async function vigil(command: string, args: string[], key = fx.rwKey) {
    let out = "";
    let err = "";
    const code = await runConfigCommand(command, args, {
      env: { url, apiKey: key },
      cwd: dir,
      out: (t) => (out += t),
      err: (t) => (err += t),
    });
    return { code, out, err };
  }

  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);

  async function api(method: string, apiPath: string, body?: unknown) {
    const res = await fetch(`${url}/api/v3/${apiPath}`, {
      method,
      headers: { "X-Api-Key": fx.rwKey },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.status, `${method} ${apiPath}`).toBeLessThan(300);
    return (await res.json()) as Record<string, unknown>;
  }

  const checkByName = async (name: string) => getDb().check.findFirstOrThrow({ where: { projectId: fx.project.id, name } });

  test("apply creates everything, plan then reports nothing, and plan on the export reports nothing", async () => {
    write("vigil.yml", VIGIL_YML);
    const first = await vigil("plan", ["-f", "vigil.yml"]);
    expect(first.code).toBe(2);
    expect(first.out).toContain('+ check "nightly-backup" will be created');
    expect(first.out).toContain("Plan: 5 to create, 0 to change, 0 to delete.");

    const applied = await vigil("apply", ["-f", "vigil.yml"]);
    expect(applied.err).toBe("");
    expect(applied.code).toBe(0);
    expect(applied.out.split("\n").slice(0, 5)).toEqual([
      'created channel "ops-mail"',
      'created check "nightly-backup"',
      'created check "api"',
      'created check "disk"',
      'created status page "acme"',
    ]);
    const backup = await checkByName("nightly-backup");
    expect(backup).toMatchObject({ kind: "cron", schedule: "0 3 * * *", tz: "Europe/Berlin", tags: "backup" });
    const probeCheck = await checkByName("api");
    expect(JSON.parse(probeCheck.probe!)).toMatchObject({ type: "http", url: "https://api.example.org/health", interval: 60 });
    expect(await getDb().channelCheck.count({ where: { checkId: { in: [backup.id, probeCheck.id] } } })).toBe(2);
    const page = await getDb().statusPage.findFirstOrThrow({ where: { slug: "acme" }, include: { components: { orderBy: { position: "asc" } } } });
    expect(page.components.map((c) => [c.checkId, c.name, c.groupName])).toEqual([
      [probeCheck.id, "Public API", "Backend"],
      [backup.id, "nightly-backup", ""],
    ]);

    const again = await vigil("plan", ["-f", "vigil.yml"]);
    expect([again.code, again.out.trim()]).toEqual([0, "No changes: the project matches the file."]);
    const reapplied = await vigil("apply", ["-f", "vigil.yml"]);
    expect(reapplied.out).toBe("No changes: the project matches the file.\n");
    expect(await getDb().check.count({ where: { projectId: fx.project.id } })).toBe(3);

    const exported = await vigil("export", ["-o", "exported.yml"]);
    expect(exported.code).toBe(0);
    const text = fs.readFileSync(path.join(dir, "exported.yml"), "utf8");
    expect(text).toContain("nightly-backup:");
    expect(text).toContain("tz: Europe/Berlin");
    const onExport = await vigil("plan", ["-f", "exported.yml"]);
    expect([onExport.code, onExport.out.trim()]).toEqual([0, "No changes: the project matches the file."]);
    // Stable: a second export is the same text.
    expect((await vigil("export", [])).out).toBe(text);
  });

  test("the README's example applies, and plans nothing afterwards", async () => {
    const readme = fs.readFileSync(path.join(import.meta.dirname, "../../README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Checks as code"));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)![1];
    write("vigil.yml", example);
    const applied = await vigil("apply", ["-f", "vigil.yml"]);
    expect([applied.code, applied.err]).toEqual([0, ""]);
    expect(await getDb().channel.count({ where: { projectId: fx.project.id } })).toBe(2);
    expect((await vigil("plan", ["-f", "vigil.yml"])).code).toBe(0);
  });

  test("a change in the file shows field by field and exits 2", async () => {
    write("vigil.yml", VIGIL_YML);
    expect((await vigil("apply", ["-f", "vigil.yml"])).code).toBe(0);
    write("vigil.yml", VIGIL_YML.replace("grace: 3600", "grace: 7200").replace("interval: 60", "interval: 120"));
    const plan = await vigil("plan", ["-f", "vigil.yml"]);
    expect(plan.code).toBe(2);
    expect(plan.out).toContain('~ check "nightly-backup" will be changed\n    grace: 3600 → 7200');
    expect(plan.out).toContain('~ check "api" will be changed\n    probe.interval: 60 → 120');
    expect(plan.out).not.toContain("drift");
    const json = JSON.parse((await vigil("plan", ["-f", "vigil.yml", "--json"])).out) as { entries: { name: string; action: string; changes: unknown[] }[] };
    expect(json.entries).toEqual([
      { kind: "check", name: "nightly-backup", action: "update", id: expect.any(String), changes: [{ field: "grace", old: 3600, new: 7200 }], drift: null },
      { kind: "check", name: "api", action: "update", id: expect.any(String), changes: [{ field: "probe.interval", old: 60, new: 120 }], drift: null },
    ]);
    expect((await vigil("apply", ["-f", "vigil.yml"])).out).toContain('changed check "nightly-backup"');
    expect((await checkByName("nightly-backup")).grace).toBe(7200);
    expect((await vigil("plan", ["-f", "vigil.yml"])).code).toBe(0);
  });

  test("a change made on the server since the last apply shows as drift, and apply overwrites it", async () => {
    write("vigil.yml", VIGIL_YML);
    await vigil("apply", ["-f", "vigil.yml"]);
    const backup = await checkByName("nightly-backup");
    await api("POST", `checks/${backup.code}`, { grace: 120, desc: "edited in the web app" });
    const plan = await vigil("plan", ["-f", "vigil.yml"]);
    expect(plan.code).toBe(2);
    expect(plan.out).toContain(
      [
        '~ check "nightly-backup" will be changed',
        "    ! drift: changed on the server since the last apply (apply will overwrite it):",
        '        desc: "" (applied) → "edited in the web app" (now)',
        "        grace: 3600 (applied) → 120 (now)",
      ].join("\n"),
    );
    const applied = await vigil("apply", ["-f", "vigil.yml"]);
    expect(applied.out).toContain("(overwrote changes made on the server since the last apply: desc, grace)");
    expect(await checkByName("nightly-backup")).toMatchObject({ grace: 3600, desc: "" });
    expect((await vigil("plan", ["-f", "vigil.yml"])).code).toBe(0);
  });

  test("drift on channels and status pages shows the fields changed on the server", async () => {
    write("vigil.yml", VIGIL_YML);
    await vigil("apply", ["-f", "vigil.yml"]);
    const channel = await getDb().channel.findFirstOrThrow({ where: { projectId: fx.project.id, name: "ops-mail" } });
    await api("POST", `channels/${channel.code}`, { config: { value: "alice@example.org", up: false, down: true } });
    const page = await getDb().statusPage.findFirstOrThrow({ where: { slug: "acme" } });
    await api("POST", `status-pages/${page.code}`, { title: "Acme Inc." });
    const plan = await vigil("plan", ["-f", "vigil.yml"]);
    // The file leaves the channel's up/down flags to the server: only the page is to change.
    expect(plan.out).not.toContain('channel "ops-mail"');
    expect(plan.out).toContain(
      ['~ status page "acme" will be changed', "    ! drift: changed on the server since the last apply (apply will overwrite it):", '        title: "Acme" (applied) → "Acme Inc." (now)', '    title: "Acme Inc." → "Acme"'].join("\n"),
    );
    write("vigil.yml", VIGIL_YML.replace("value: alice@example.org", "config: { value: alice@example.org, up: true }"));
    const withFlags = await vigil("plan", ["-f", "vigil.yml"]);
    expect(withFlags.out).toContain(
      ['~ channel "ops-mail" will be changed', "    ! drift: changed on the server since the last apply (apply will overwrite it):", "        config.up: true (applied) → false (now)", "    config.up: false → true"].join("\n"),
    );
  });

  test("export writes a project made by hand so that plan on it reports nothing", async () => {
    const channel = await api("POST", "channels/", { kind: "email", name: "Ops team", config: { value: "alice@example.org" } });
    const cron = await api("POST", "checks/", { name: "Nightly job", schedule: "30 2 * * 1-5", tz: "America/New_York", grace: 600, tags: "prod db", channels: String(channel.id), desc: "pg_dump" });
    await api("POST", "checks/", { name: "Edge", probe: { type: "tls", address: "example.org:443", cert_expiry_threshold: 30, interval: 300 } });
    await api("POST", "checks/", { name: "Heartbeat", timeout: 300, grace: 60, manual_resume: true, methods: "POST", slug: "heartbeat" });
    await api("POST", "status-pages/", { slug: "public", title: "Status", theme: "dark", components: [{ check: cron.uuid, name: "Backups", group: "Data" }] });
    const exported = await vigil("export", ["-o", "vigil.yml"]);
    expect(exported.code).toBe(0);
    const text = fs.readFileSync(path.join(dir, "vigil.yml"), "utf8");
    expect(text).toContain("  Edge:\n    probe:\n      type: tls\n      interval: 300\n      address: example.org:443\n      cert_expiry_threshold: 30\n");
    const plan = await vigil("plan", ["-f", "vigil.yml"]);
    expect([plan.code, plan.out]).toEqual([0, "No changes: the project matches the file.\n"]);
  });

  test("objects not in the file are left alone, and deleted only with --prune", async () => {
    write("vigil.yml", VIGIL_YML);
    await vigil("apply", ["-f", "vigil.yml"]);
    await api("POST", "checks/", { name: "hand-made", timeout: 3600 });
    const plan = await vigil("plan", ["-f", "vigil.yml"]);
    expect(plan.code).toBe(0);
    expect(plan.out).toContain('1 object(s) on the server are not in the file and are left alone (--prune deletes them): check "hand-made"');
    expect((await vigil("apply", ["-f", "vigil.yml"])).out).toBe("No changes: the project matches the file.\n");
    expect(await getDb().check.count({ where: { projectId: fx.project.id } })).toBe(4);

    const pruning = await vigil("plan", ["-f", "vigil.yml", "--prune"]);
    expect(pruning.code).toBe(2);
    expect(pruning.out).toContain('- check "hand-made" will be deleted (--prune)');
    expect((await vigil("apply", ["-f", "vigil.yml", "--prune"])).out).toContain('deleted check "hand-made"');
    const names = (await getDb().check.findMany({ where: { projectId: fx.project.id }, orderBy: { name: "asc" } })).map((c) => c.name);
    expect(names).toEqual(["api", "disk", "nightly-backup"]);
    expect((await vigil("plan", ["-f", "vigil.yml", "--prune"])).code).toBe(0);
  });

  test("a Checkup checkup.json becomes probe checks (exec checkers are skipped with a warning)", async () => {
    write("checkup.json", CHECKUP_JSON);
    const applied = await vigil("apply", ["-f", "checkup.json"]);
    expect(applied.code).toBe(0);
    expect(applied.err).toContain('checker "Local script": exec checkers run only with `vigil check`');
    const site = await checkByName("Website");
    expect(JSON.parse(site.probe!)).toMatchObject({ type: "http", url: "https://www.example.org", attempts: 3, expected_status: "200-204" });
    expect(JSON.parse((await checkByName("Database")).probe!)).toMatchObject({ type: "tcp", address: "db.example.org:5432", timeout: 1 });
    const plan = await vigil("plan", ["-f", "checkup.json"]);
    expect(plan.code).toBe(0);
  });

  test("invalid files exit 1 with the line and the field", async () => {
    write("bad-syntax.yml", "checks:\n  backup:\n    schedule: [unclosed\n");
    const syntax = await vigil("plan", ["-f", "bad-syntax.yml"]);
    expect(syntax.code).toBe(1);
    expect(syntax.err).toMatch(/^vigil plan: bad-syntax\.yml:\d+: /);
    write("vigil.yml", "checks:\n  backup:\n    schedule: \"0 3 * * *\"\n    grace: soon\n");
    const field = await vigil("plan", ["-f", "vigil.yml"]);
    expect([field.code, field.err]).toEqual([1, "vigil plan: vigil.yml:4: checks.backup.grace: must be a number of seconds\n"]);
    write("vigil.yml", "checks:\n  backup: {}\n  backup: {}\n");
    expect((await vigil("apply", ["-f", "vigil.yml"])).err).toBe("vigil apply: vigil.yml:3: a name is declared twice (map keys must be unique)\n");
    write("vigil.yml", "checks:\n  backup:\n    channels: [nobody]\n");
    expect((await vigil("plan", ["-f", "vigil.yml"])).err).toBe('vigil plan: vigil.yml:3: checks.backup.channels: no channel named "nobody" in the file or on the server\n');
  });

  test("a read-only key gets a clear 401 message", async () => {
    write("vigil.yml", VIGIL_YML);
    const res = await vigil("apply", ["-f", "vigil.yml"], fx.roKey);
    expect(res.code).toBe(1);
    expect(res.err).toContain("the server refused the API key (401: wrong api key)");
    expect(res.err).toContain("read-write API key");
    const none = await runConfigCommand("plan", ["-f", "vigil.yml"], { env: {}, cwd: dir, out: () => {}, err: () => {} });
    expect(none).toBe(1);
  });

  test("the vigil command itself exits 2 when the plan has changes, 0 after apply", async () => {
    write("vigil.yml", VIGIL_YML);
    const env = { ...process.env, VIGIL_URL: url, VIGIL_API_KEY: fx.rwKey, VIGIL_INVOCATION_DIR: dir };
    // Asynchronously: the server answering the child runs in this process.
    const cli = (...args: string[]) =>
      new Promise<{ status: number | null; stdout: string }>((resolve) => {
        execFile(process.execPath, ["bin/vigil.mjs", ...args], { env, encoding: "utf8", timeout: 60_000 }, (err, stdout) => {
          resolve({ status: err ? (typeof err.code === "number" ? err.code : null) : 0, stdout });
        });
      });
    const plan = await cli("plan", "-f", "vigil.yml");
    expect([plan.status, plan.stdout]).toEqual([2, expect.stringContaining("Plan: 5 to create")]);
    expect((await cli("apply", "-f", "vigil.yml")).status).toBe(0);
    expect(await cli("plan", "-f", "vigil.yml")).toEqual({ status: 0, stdout: "No changes: the project matches the file.\n" });
  }, 120_000);

  describe("message --about", () => {
    test("opens an incident on the page showing the component, then posts updates to it", async () => {
      write("vigil.yml", VIGIL_YML);
      await vigil("apply", ["-f", "vigil.yml"]);
      const opened = await vigil("message", ["--about", "Public API", "Elevated error rates"]);
      expect([opened.code, opened.out]).toEqual([0, 'status page "acme": opened incident "Elevated error rates" about "Public API"\n']);
      const update = await vigil("message", ["--about", "public api", "--status", "identified", "A bad deploy; rolling back"]);
      expect(update.out).toBe('status page "acme": posted an update (identified) to incident "Elevated error rates"\n');
      const incidents = await getDb().statusIncident.findMany({ include: { updates: { orderBy: { id: "asc" } } } });
      expect(incidents).toHaveLength(1);
      expect(incidents[0].updates.map((u) => [u.status, u.body])).toEqual([
        ["investigating", "Elevated error rates"],
        ["identified", "A bad deploy; rolling back"],
      ]);
      const unknown = await vigil("message", ["--about", "Nope", "x"]);
      expect(unknown.code).toBe(1);
      expect(unknown.err).toContain('no status page shows a component named "Nope"');
    });
  });
});
