#!/usr/bin/env node
// Writes prisma/{sqlite,postgres}/migrations/<NNNN_name>/migration.sql for the change between
// the committed prisma/models.prisma (git HEAD) and the working copy. Diffing schema to schema
// needs no shadow database, which Prisma 6's Wasm engine handles badly here (stack notes).
// Usage: node prisma/new-migration.mjs <name>
// Prisma's PostgreSQL diff still connects to its URL: run a throwaway server on 127.0.0.1:5432
// with a superuser role and database both named "unused" (initdb -A trust) while this runs.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runPrisma } from "./run-prisma.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: node prisma/new-migration.mjs <name_in_snake_case>");
  process.exit(2);
}
const old = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-schema-"));
const committed = execFileSync("git", ["show", "HEAD:prisma/models.prisma"], { cwd: root, encoding: "utf8" });
for (const kind of ["sqlite", "postgres"]) {
  const dir = path.join(old, kind);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "models.prisma"), committed);
  fs.copyFileSync(path.join(root, "prisma", kind, "datasource.prisma"), path.join(dir, "datasource.prisma"));
  const migrations = path.join(root, "prisma", kind, "migrations");
  const n = fs.readdirSync(migrations).filter((d) => /^\d{4}_/.test(d)).length + 1;
  const { status, output } = runPrisma(
    ["migrate", "diff", "--from-schema-datamodel", dir, "--to-schema-datamodel", path.join(root, "prisma", kind), "--script"],
    { kind, env: { ...process.env, DATABASE_URL: kind === "sqlite" ? `file:${path.join(old, "x.sqlite")}` : "postgresql://unused@127.0.0.1/unused" } },
  );
  if (status !== 0) {
    console.error(output);
    process.exit(1);
  }
  // Prisma prints its "Loaded Prisma config" line into the same stream; keep only the SQL.
  const sql = output.slice(output.search(/^--/m)).replace(/^Loaded Prisma config.*$/gm, "").trimEnd() + "\n";
  const target = path.join(migrations, `${String(n).padStart(4, "0")}_${name}`);
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(path.join(target, "migration.sql"), sql);
  console.log(`wrote ${path.relative(root, target)}/migration.sql`);
}
fs.rmSync(old, { recursive: true, force: true });
