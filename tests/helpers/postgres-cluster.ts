// A throwaway PostgreSQL cluster for the test run, started from Debian's binaries when they are
// installed. Used by the vitest global setup, the bench (--pg) and nothing in production.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface PostgresCluster {
  adminUrl: string;
  stop(): void;
}

export function findPostgresBin(): string | null {
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], "bin") : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** initdb refuses to run as root, so run the server commands as the postgres user then. */
function run(bin: string, args: string[], asPostgres: boolean): void {
  const cmd = asPostgres ? "runuser" : bin;
  const argv = asPostgres ? ["-u", "postgres", "--", bin, ...args] : args;
  const res = spawnSync(cmd, argv, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (res.status !== 0) throw new Error(`${path.basename(bin)} failed: ${res.stderr || res.stdout}`);
}

/** `durable: false` (tests) turns off fsync; the bench keeps PostgreSQL's defaults. */
export async function startPostgresCluster({ durable = false } = {}): Promise<PostgresCluster | null> {
  const bin = findPostgresBin();
  if (!bin) return null;
  const asPostgres = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-pg-"));
  if (asPostgres) execFileSync("chown", ["postgres", dir]);
  const data = path.join(dir, "data");
  const port = await freePort();
  run(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"], asPostgres);
  const fast = durable ? "" : " -c fsync=off -c full_page_writes=off";
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=300${fast}`;
  run(path.join(bin, "pg_ctl"), ["-D", data, "-o", opts, "-l", path.join(dir, "log"), "-w", "start"], asPostgres);
  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], asPostgres);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
