// Shared by `npm start` and `npm test`: plain Node without dependencies, because on a fresh clone
// node_modules does not exist yet. Installs what is missing and regenerates the Prisma clients.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Newest modification time of any file under the given paths (skipping generated code). */
export function newest(paths) {
  let max = 0;
  const walk = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      if (/(node_modules|generated|\.next)$/.test(p)) return;
      for (const entry of fs.readdirSync(p)) walk(path.join(p, entry));
    } else {
      max = Math.max(max, st.mtimeMs);
    }
  };
  for (const p of paths) walk(path.join(root, p));
  return max;
}

export function run(cmd, args, extraEnv = {}) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (res.status !== 0) {
    console.error(`\n${[cmd, ...args].join(" ")} failed (exit ${res.status ?? res.signal}).`);
    process.exit(res.status || 1);
  }
}

export const quietEnv = { NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

export function bootstrap() {
  const installed = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  if (mtime(installed) < Math.max(mtime(path.join(root, "package.json")), mtime(lock))) {
    console.log("Installing dependencies (npm install)...");
    // Not `npm ci`: the lock file lacks other platforms' optional packages (e.g. @next/swc-darwin-*)
    // that this registry mirror does not serve, and ci refuses such a lock. --include=dev: with
    // NODE_ENV=production npm would skip the devDependencies, yet building the web app type-checks
    // the whole tree (tests included) and needs their types.
    run("npm", ["install", "--include=dev", "--no-audit", "--no-fund"], quietEnv);
  }
  const client = path.join(root, "lib", "generated", "sqlite", "client.ts");
  const pgClient = path.join(root, "lib", "generated", "postgres", "client.ts");
  if (Math.min(mtime(client), mtime(pgClient)) < newest(["prisma"])) {
    console.log("Generating the Prisma clients...");
    run(process.execPath, [path.join(root, "prisma", "run-prisma.mjs"), "generate"], quietEnv);
  }
}
