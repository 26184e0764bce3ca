// `vigil sendreports` as an operator runs it: a real child process on a fresh SQLite database,
// mailing a loopback SMTP sink.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { getProcessEnv } from "../../lib/env";
import { closeAll } from "../../lib/lifecycle";
import { startSmtpSink, type SmtpSink } from "../helpers/alerts";
import { useTestDatabase } from "../helpers/databases";
import { createFixtures } from "../fixtures";
import { createPingedCheck, mailEnv, until } from "./helpers";

const root = path.resolve(import.meta.dirname, "..", "..");
const bin = path.join(root, "bin", "vigil.mjs");

describe("vigil sendreports", () => {
  let smtp: SmtpSink;
  let databaseUrl: string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    databaseUrl = await useTestDatabase("sqlite");
  });
  afterAll(async () => {
    await smtp.close();
    await closeAll();
  });

  test("refuses to start without EMAIL_HOST", () => {
    const res = spawnSync(process.execPath, [bin, "sendreports"], {
      cwd: root,
      env: { ...getProcessEnv(), DATABASE_URL: databaseUrl, EMAIL_HOST: "" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("sendreports needs EMAIL_HOST");
  });

  test("sends the due report, and on SIGTERM finishes and exits", { timeout: 90_000 }, async () => {
    const { alice, project } = await createFixtures();
    await getDb().user.update({ where: { id: alice.id }, data: { reports: "weekly", nextReportDate: new Date(Date.now() - 60_000) } });
    await getDb().user.updateMany({ where: { id: { not: alice.id } }, data: { reports: "off" } });
    await createPingedCheck(project.id, new Date(), { name: "nightly" });

    const child = spawn(process.execPath, [bin, "sendreports"], {
      cwd: root,
      env: { ...getProcessEnv(), DATABASE_URL: databaseUrl, ...mailEnv(smtp.port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));

    await until(() => output.includes("Sent report to alice@example.org"), "the report", 60_000);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("sendreports is now running");
    expect(output).toContain("sendreports stopped");
    expect(smtp.messages.map((m) => m.subject)).toEqual(["Weekly Report"]);
    const user = await getDb().user.findUniqueOrThrow({ where: { id: alice.id } });
    expect(user.nextReportDate!.getTime()).toBeGreaterThan(Date.now());
  });
});
