// `vigil agent [--server URL] [--token T] [--region R] [--state-dir DIR] [--concurrency N]
// [--max-queued N]`: the process glue of the remote agent (arguments, signals, logs) over
// run-agent.ts. scripts/vigil.ts hands it every `agent` invocation that is not add/list/revoke.
import path from "node:path";
import { parseArgs } from "node:util";
import { getAgentEnv, getInvocationDir } from "../env";
import { AGENT_VERSION, AgentClient } from "./client";
import { DiskQueue } from "./disk-queue";
import { runAgent } from "./run-agent";

export const AGENT_USAGE = `Usage: vigil agent --server URL --token TOKEN [--region REGION] [options]

Runs the probe checks of one region for a Vigil server, from any machine that reaches it by
HTTPS. No database, no open port. Stops on SIGTERM/SIGINT after runs in flight have finished.

  --server URL          the Vigil server (or VIGIL_SERVER)
  --token TOKEN         this agent's token from \`vigil agent add\` (or VIGIL_AGENT_TOKEN, VIGIL_AGENT_TOKEN_FILE)
  --region REGION       refuse to run unless the token's agent is of this region
  --state-dir DIR       the disk queue and last assignment (or VIGIL_AGENT_STATE; default ./vigil-agent-state)
  --concurrency N       probe runs at once (default 20)
  --max-queued N        results kept while the server is away; beyond it the oldest are dropped (default 100000)
`;

export const DEFAULT_CONCURRENCY = 20;
export const DEFAULT_MAX_QUEUED = 100_000;

/** A bad command line: the message, then the usage. */
export class AgentUsageError extends Error {}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function positiveInt(value: string | undefined, flag: string, dflt: number, max: number): number {
  if (value === undefined) return dflt;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) throw new AgentUsageError(`${flag} must be a whole number from 1 to ${max}, got "${value}"`);
  return Number(value);
}

/**
 * The server and token from the flags, else the environment (VIGIL_SERVER, VIGIL_AGENT_TOKEN).
 * Throws AgentUsageError naming what is missing or malformed. Shared with `vigil check --store`.
 */
export function resolveAgentConnection(flags: { server?: string; token?: string }): { server: string; token: string } {
  const env = getAgentEnv();
  const server = (flags.server ?? env.server).replace(/\/+$/, "");
  const token = flags.token ?? env.token;
  if (!server) throw new AgentUsageError("--server (or VIGIL_SERVER) is required");
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new AgentUsageError(`--server must be a URL like https://vigil.example.org, got "${server}"`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new AgentUsageError(`--server must be an http or https URL, got "${server}"`);
  if (!token) throw new AgentUsageError("--token (or VIGIL_AGENT_TOKEN) is required");
  return { server, token };
}

/**
 * Runs `vigil agent` with the arguments after `agent`. Resolves with the exit code: 0 after
 * SIGTERM/SIGINT (runs drained, queue on disk), 1 when the server refuses the token, the region
 * does not match or the state folder is in use, 2 for a bad command line.
 */
export async function runAgentCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        server: { type: "string" },
        token: { type: "string" },
        region: { type: "string" },
        "state-dir": { type: "string" },
        concurrency: { type: "string" },
        "max-queued": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    process.stderr.write(`vigil agent: ${err instanceof Error ? err.message : String(err)}\n\n${AGENT_USAGE}`);
    return 2;
  }
  if (values.help) {
    log(AGENT_USAGE);
    return 0;
  }
  let connection: { server: string; token: string };
  let concurrency: number;
  let maxQueued: number;
  try {
    connection = resolveAgentConnection(values);
    concurrency = positiveInt(values.concurrency, "--concurrency", DEFAULT_CONCURRENCY, 10_000);
    maxQueued = positiveInt(values["max-queued"], "--max-queued", DEFAULT_MAX_QUEUED, 100_000_000);
  } catch (err) {
    if (!(err instanceof AgentUsageError)) throw err;
    process.stderr.write(`vigil agent: ${err.message}\n\n${AGENT_USAGE}`);
    return 2;
  }
  const env = getAgentEnv();
  const stateDir = path.resolve(getInvocationDir(), values["state-dir"] ?? (env.stateDir || "vigil-agent-state"));
  const { hostname, protocol } = new URL(connection.server);
  if (protocol === "http:" && !["localhost", "127.0.0.1", "[::1]"].includes(hostname)) {
    log(`warning: ${connection.server} is plain HTTP; the token and results travel unencrypted`);
  }

  let queue: DiskQueue;
  try {
    queue = await DiskQueue.open({ dir: stateDir, maxQueued, log });
  } catch (err) {
    process.stderr.write(`vigil agent: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  const controller = new AbortController();
  const stop = () => {
    if (!controller.signal.aborted) log("stopping: finishing runs in flight");
    controller.abort();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  log(`vigil agent ${AGENT_VERSION} for ${connection.server}${values.region ? ` (region ${values.region})` : ""}; state in ${stateDir}, ${queue.length} results queued`);
  try {
    return await runAgent({
      client: new AgentClient(connection),
      queue,
      stateDir,
      region: values.region,
      concurrency,
      allowPrivate: env.probeAllowPrivate,
      signal: controller.signal,
      log,
    });
  } finally {
    process.off("SIGTERM", stop);
    process.off("SIGINT", stop);
    await queue.close();
    log(`agent stopped; ${queue.length} results queued in ${stateDir}`);
  }
}
