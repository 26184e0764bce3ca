import { runPrisma } from "../prisma/run-prisma.mjs";
import { getEnv, getProcessEnv } from "./env";
import fs from "node:fs";
import path from "node:path";

/** Applies pending migrations to DATABASE_URL (`prisma migrate deploy`); throws with Prisma's output. */
export function migrateDatabase(): string {
  const { database } = getEnv();
  if (database.sqlitePath) fs.mkdirSync(path.dirname(database.sqlitePath), { recursive: true });
  const { status, output } = runPrisma(["migrate", "deploy"], {
    kind: database.kind,
    env: { ...getProcessEnv(), DATABASE_URL: database.url },
  });
  if (status !== 0) throw new Error(`Migration failed:\n${output}`);
  return output;
}
