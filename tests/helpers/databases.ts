// Runs a suite against SQLite and PostgreSQL. Each file gets fresh databases copied from the
// templates the global setup migrated; resetDatabase() empties them between tests.
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { setEnv } from "../../lib/env";
import { getDb } from "../../lib/db";
import { closeAll } from "../../lib/lifecycle";

export type DatabaseKind = "sqlite" | "postgres";

export const TABLES = [
  "status_deliveries",
  "status_events",
  "status_subscribers",
  "status_incident_components",
  "status_incident_updates",
  "status_incidents",
  "status_components",
  "status_pages",
  "applied_objects",
  "probe_rounds",
  "notifications",
  "channel_checks",
  "channels",
  "flips",
  "pings",
  "probe_results",
  "probe_rollups",
  "agents",
  "checks",
  "members",
  "projects",
  "users",
  "token_buckets",
  "verification_tokens",
];

export function isPostgresAvailable(): boolean {
  return Boolean(process.env.VIGIL_TEST_PG_ADMIN_URL);
}

/** Creates a fresh database of the kind and returns its DATABASE_URL. */
export async function createTestDatabase(kind: DatabaseKind): Promise<string> {
  const name = `t_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  if (kind === "sqlite") {
    const file = path.join(process.env.VIGIL_TEST_TMP!, `${name}.sqlite`);
    fs.copyFileSync(process.env.VIGIL_TEST_SQLITE_TEMPLATE!, file);
    return `file:${file}`;
  }
  const adminUrl = process.env.VIGIL_TEST_PG_ADMIN_URL!;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE vigil_template`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Points this process (getEnv, getDb, the ping store) at a fresh database of the kind. */
export async function useTestDatabase(kind: DatabaseKind, extraEnv: Record<string, string> = {}): Promise<string> {
  await closeAll();
  const url = await createTestDatabase(kind);
  setEnv({ DATABASE_URL: url, ...extraEnv });
  return url;
}

/** Deletes every row (children first), keeping the schema. */
export async function resetDatabase(): Promise<void> {
  const db = getDb();
  for (const table of TABLES) await db.$executeRawUnsafe(`DELETE FROM ${table}`);
}

/**
 * Declares `fn`'s tests once per database. PostgreSQL suites are skipped when no server is
 * available, unless VIGIL_TEST_REQUIRE_PG=1 (CI), where that is a failure in the global setup.
 */
export function forEachDatabase(fn: (kind: DatabaseKind) => void, extraEnv: Record<string, string> = {}): void {
  for (const kind of ["sqlite", "postgres"] as const) {
    const run = kind === "sqlite" || isPostgresAvailable() ? describe : describe.skip;
    run(kind, () => {
      beforeAll(async () => {
        await useTestDatabase(kind, extraEnv);
      });
      afterAll(async () => {
        await closeAll();
      });
      fn(kind);
    });
  }
}
