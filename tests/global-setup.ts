// Runs once per `vitest` run: migrates a SQLite template file and, when PostgreSQL is available
// (TEST_DATABASE_URL or Debian's binaries), a template database. Test files copy the templates
// (tests/helpers/databases.ts), so every file gets its own fresh databases and files can run in
// parallel. VIGIL_TEST_REQUIRE_PG=1 (set by .ci/run) turns a missing PostgreSQL into a failure.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { runPrisma } from "../prisma/run-prisma.mjs";
import { startPostgresCluster, type PostgresCluster } from "./helpers/postgres-cluster";

let cluster: PostgresCluster | null = null;
let tmpDir = "";

function migrate(kind: "sqlite" | "postgres", url: string): void {
  const { status, output } = runPrisma(["migrate", "deploy"], { kind, env: { ...process.env, DATABASE_URL: url } });
  if (status !== 0) throw new Error(`prisma migrate deploy (${kind}) failed:\n${output}`);
}

export async function setup(): Promise<void> {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-test-"));
  const template = path.join(tmpDir, "template.sqlite");
  migrate("sqlite", `file:${template}`);
  process.env.VIGIL_TEST_SQLITE_TEMPLATE = template;
  process.env.VIGIL_TEST_TMP = tmpDir;

  let adminUrl = process.env.TEST_DATABASE_URL ?? null;
  if (!adminUrl) {
    cluster = await startPostgresCluster();
    adminUrl = cluster?.adminUrl ?? null;
  }
  if (!adminUrl) {
    if (process.env.VIGIL_TEST_REQUIRE_PG === "1") throw new Error("PostgreSQL is required but not installed");
    return;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS vigil_template");
  await admin.query("CREATE DATABASE vigil_template");
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = "/vigil_template";
  migrate("postgres", templateUrl.toString());
  process.env.VIGIL_TEST_PG_ADMIN_URL = adminUrl;
}

export async function teardown(): Promise<void> {
  cluster?.stop();
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
}
