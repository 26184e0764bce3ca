#!/usr/bin/env node
// Runs the Prisma CLI for the database DATABASE_URL selects (or for both with `generate`), with the
// settings that make Prisma 6 work offline: our config file, no telemetry, unref'd engine timers.
// Usage: node prisma/run-prisma.mjs generate | deploy | <any prisma args, config added>
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Plain JavaScript without dependencies: `npm start` runs it before node_modules may exist.
const cli = path.join(root, "node_modules", "prisma", "build", "index.js");

export function runPrisma(args, { kind, env = process.env } = {}) {
  const config = path.join(root, "prisma", `${kind}.config.ts`);
  const childEnv = {
    ...env,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    // The schema's datasource url is unused with driver adapters, but must parse.
    VIGIL_PRISMA_SQLITE_URL: "file:./unused.sqlite",
    VIGIL_PRISMA_PG_URL: "postgresql://unused@127.0.0.1/unused",
    NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --require ${path.join(root, "prisma", "unref-timers.cjs")}`.trim(),
  };
  const result = spawnSync(process.execPath, [cli, ...args, "--config", config], {
    cwd: root,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}

export function databaseKind(env = process.env) {
  return /^postgres(ql)?:\/\//.test(env.DATABASE_URL ?? "") ? "postgres" : "sqlite";
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, ...rest] = process.argv.slice(2);
  const jobs =
    command === "generate"
      ? ["sqlite", "postgres"].map((kind) => [kind, ["generate"]])
      : command === "deploy"
        ? [[databaseKind(), ["migrate", "deploy"]]]
        : [[databaseKind(), [command, ...rest]]];
  for (const [kind, args] of jobs) {
    const { status, output } = runPrisma(args, { kind });
    if (status !== 0) {
      process.stderr.write(output);
      process.exit(status);
    }
  }
}
