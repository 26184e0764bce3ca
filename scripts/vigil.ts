// The `vigil` command: process glue over lib/. Each long-running command can run alone for
// scale-out; `start` runs them all in one process.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import { runSendalerts } from "../lib/alerts/run-sendalerts";
import { EnvError, getEnv, getInvocationDir, getProcessEnv } from "../lib/env";
import { closeAll, exitOnUncaughtException } from "../lib/lifecycle";
import { migrateDatabase } from "../lib/migrate";
import { CONFIG_COMMANDS, CONFIG_USAGE, runConfigCommand } from "../lib/config-as-code/commands";
import { formatCheckupJson, formatCheckupTable, isAnyDown, loadCheckupFile, parseGoDuration, runCheckup } from "../lib/probes/checkup";
import { startMetricsServer } from "../lib/metrics/operational-metrics";
import { AgentUsageError, runAgentCommand } from "../lib/remote-agent/cli";
import { connectCheckupStore } from "../lib/remote-agent/store-checkup";
import { runProber } from "../lib/prober/run-due-probes";
import { runSendreports } from "../lib/reports/run-sendreports";
import { drainPingQueue } from "../lib/pings/record-ping";
import { runHousekeeping } from "../lib/prune/run-housekeeping";
import { PRUNE_TASKS, runPruneTask, type PruneTask } from "../lib/prune/run-prune-task";
import { SYSTEM } from "../lib/auth/actor";
import { createAgent } from "../lib/agents/create-agent";
import { formatAgentsTable } from "../lib/agents/format-agents";
import { listAgents } from "../lib/agents/queries";
import { revokeAgent } from "../lib/agents/revoke-agent";
import { createApiKey } from "../lib/projects/create-api-key";
import { createPingKey } from "../lib/projects/create-ping-key";
import { findProjectForCli } from "../lib/projects/queries";
import { startFrontServer } from "../lib/server/create-front-server";
import { hasNextBuild, loadNextHandler } from "../lib/server/load-next";
import { createUser } from "../lib/users/create-user";

const USAGE = `Usage: vigil <command> [options]

  start                 migrate, then run web + pings + API + sendalerts + probe (+ sendreports when
                        EMAIL_HOST is set, + SMTP when SMTPD_PORT is set)
  web                   the HTTP server alone: pings, management API and web app
  sendalerts            the alert sender alone (several may run against one PostgreSQL)
  probe                 the prober of active checks alone (PROBE_CONCURRENCY runs at once; several may
                        run against one PostgreSQL)
  sendreports           the email reports and "still down" reminders alone (needs EMAIL_HOST;
                        several may run at once)
  smtpd                 the email-ping listener alone (SMTPD_PORT, default 25)
  migrate               apply database migrations
  createuser --email E [--password P] [--json]
                        create a user with a default project (--json prints its new keys)
  apikey --email E [--project UUID] [--read-only]
                        print a new API key for the user's project
  check [-c checkup.json] [--json] [--every 10m]
                        run the checkers of a Checkup config once (no server, no database), print
                        a table (--json: Checkup's results) and exit 1 if any is down; --every
                        repeats (Checkup's durations: 30s, 10m, 1h30m)
  check --store [--server URL] [--token T] [--region R] [-c checkup.json] [--json] [--every 10m]
                        the same, and posts the results as agent T would (VIGIL_SERVER,
                        VIGIL_AGENT_TOKEN); a checker goes to the assigned checks probing the
                        same target, and those matching none are listed as not stored
  agent add --region R [--name N]
                        add a remote probe agent; prints its token once, alone on the last line
  agent list [--json]   the agents: region, version, address, last seen, clock skew, runs, checks
  agent revoke <agent id>
                        revoke an agent's token (its share moves to the region's other agents)
  agent --server URL --token T [--region R] [--state-dir DIR] [--concurrency N] [--max-queued N]
                        a remote probe agent: runs its region's probe checks for the server
                        (on another machine; no database)
  prune [pings|flips|notifications|tokenbuckets|users|probes|statuspages|all] [--json]
                        remove old data now and print what went (default all; the ping path
                        already prunes each check at every 100th ping)
${CONFIG_USAGE}`;

type Stopper = () => Promise<void>;

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Runs until SIGTERM/SIGINT, then stops each part and lets in-flight work finish. */
function stopOnSignal(stoppers: Stopper[]): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    for (const s of stoppers) await s().catch((err: unknown) => console.error(err));
    await drainPingQueue();
    await closeAll();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

function buildNextIfMissing(root: string): void {
  if (hasNextBuild(root)) return;
  log("Building the web app (next build)...");
  const res = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...getProcessEnv(), NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (res.status !== 0) throw new Error("next build failed");
}

async function startWeb(stoppers: Stopper[], withNext: boolean): Promise<void> {
  const env = getEnv();
  let next;
  if (withNext) {
    buildNextIfMissing(env.root);
    next = await loadNextHandler(env.root, env.port);
  }
  const server = await startFrontServer({ port: env.port, host: env.host, next });
  stoppers.unshift(() => server.close());
  const shown = env.host === "0.0.0.0" || env.host === "::" ? "localhost" : env.host;
  log(`web + management API  http://${shown}:${server.port}/  (SITE_ROOT ${env.siteRoot})`);
  log(`pings                 http://${shown}:${server.port}/ping/<uuid>  (shown as ${env.pingEndpoint}<uuid>)`);
}

function startAlerts(stoppers: Stopper[]): void {
  const controller = new AbortController();
  const done = runSendalerts({ signal: controller.signal, log });
  // Hourly token-bucket pruning runs wherever sendalerts does: off the ping path.
  const housekeeping = runHousekeeping({ signal: controller.signal, log });
  stoppers.push(async () => {
    controller.abort();
    await done;
    await housekeeping;
  });
}

function startProber(stoppers: Stopper[]): void {
  const controller = new AbortController();
  const done = runProber({ signal: controller.signal, log });
  stoppers.push(async () => {
    controller.abort();
    await done;
  });
}

function startReports(stoppers: Stopper[]): void {
  const controller = new AbortController();
  const done = runSendreports({ signal: controller.signal, log });
  stoppers.push(async () => {
    controller.abort();
    await done;
  });
}

async function startEmail(stoppers: Stopper[], port: number): Promise<void> {
  const env = getEnv();
  // Loaded only when the listener runs: smtp-server and mailparser hold ~15 MB.
  const { startSmtpd } = await import("../lib/smtpd/create-smtp-server");
  const smtpd = await startSmtpd({ port, host: env.smtpdHost });
  stoppers.push(() => smtpd.close());
  log(`email pings           smtp://${env.smtpdHost}:${smtpd.port}  (<uuid>@${env.pingEmailDomain})`);
}

/** /metrics on METRICS_PORT, for the commands that run without the front server. */
async function startMetrics(stoppers: Stopper[]): Promise<void> {
  const env = getEnv();
  if (env.metricsPort === null) return;
  const server = await startMetricsServer({ port: env.metricsPort, host: env.host });
  stoppers.unshift(() => server.close());
  log(`metrics               http://${env.host}:${server.port}/metrics${env.metricsKey ? "" : "  (answers 404: METRICS_KEY is unset)"}`);
}

/**
 * `vigil check`: Checkup's `checkup` with the same config file. Runs without the configuration
 * the server needs (no SECRET_KEY, no database). Returns the exit code: 1 when any run is down.
 */
async function runCheck(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: "string", short: "c", default: "checkup.json" },
      json: { type: "boolean", default: false },
      every: { type: "string" },
      store: { type: "boolean", default: false },
      server: { type: "string" },
      token: { type: "string" },
      region: { type: "string" },
    },
    strict: true,
  });
  if (!values.store && (values.server || values.token || values.region)) throw new UsageError("--server, --token and --region go with --store");
  const everyMs = values.every === undefined ? null : parseGoDuration(values.every);
  if (everyMs !== null && everyMs < 1000) throw new UsageError("--every needs a duration of at least 1s");
  if (values.every !== undefined && everyMs === null) throw new UsageError(`--every: "${values.every}" is not a duration like 30s, 10m or 1h30m`);
  const dir = getInvocationDir();
  const checkers = loadCheckupFile(path.resolve(dir, values.config), dir);
  // Connects before running anything, so a wrong token or server fails at once.
  const store = values.store ? await connectCheckupStore(values).catch(toUsageError) : null;
  // With --json, stdout stays Checkup's JSON; what --store did goes to stderr.
  const report = (line: string) => (values.json ? process.stderr.write(`${line}\n`) : log(line));
  const controller = new AbortController();
  const stop = () => controller.abort(new Error("interrupted"));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  for (;;) {
    const runs = await runCheckup(checkers, { signal: controller.signal });
    log(values.json ? formatCheckupJson(runs) : formatCheckupTable(runs));
    let stored = true;
    if (store) {
      try {
        for (const line of await store.post(runs)) report(line);
      } catch (err) {
        report(`vigil: ${err instanceof Error ? err.message : String(err)}`);
        stored = false;
      }
    }
    if (everyMs === null || controller.signal.aborted) return isAnyDown(runs) || !stored ? 1 : 0;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, everyMs);
      controller.signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
    });
    if (controller.signal.aborted) return 0;
  }
}

/**
 * `vigil agent add|list|revoke` manage agents on the server. Anything else after `agent` runs an
 * agent (`--server ... --token ... --region ...`), which lib/remote-agent/cli.ts owns.
 */
async function runAgentAdmin(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "add" && sub !== "list" && sub !== "revoke") return runAgentCommand(args);
  const { values, positionals } = parseArgs({
    args: rest,
    options: { region: { type: "string" }, name: { type: "string" }, json: { type: "boolean", default: false } },
    allowPositionals: sub === "revoke",
    strict: true,
  });
  if (sub === "add") {
    if (!values.region) throw new UsageError("agent add needs --region");
    const { agent, token } = await createAgent({ actor: SYSTEM, region: values.region, name: values.name ?? "" });
    log(`Added agent ${agent.code} for region ${agent.region}${agent.name ? ` (${agent.name})` : ""}.`);
    log(`Run it with: npx vigil agent --server ${getEnv().siteRoot} --token <the token below> --region ${agent.region}`);
    log("The token is shown only now:");
    log(token);
    return 0;
  }
  if (sub === "list") {
    const rows = await listAgents({ actor: SYSTEM });
    log(values.json ? JSON.stringify(rows) : formatAgentsTable(rows));
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("agent revoke needs the agent's id");
  const agent = await revokeAgent({ actor: SYSTEM, agentCode: positionals[0] });
  log(`Revoked agent ${agent.code} (${agent.region}).`);
  return 0;
}

function toUsageError(err: unknown): never {
  throw err instanceof AgentUsageError ? new UsageError(err.message) : err;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === "check") {
    process.exitCode = await runCheck(rest);
    return;
  }
  if (command === "agent") {
    process.exitCode = await runAgentAdmin(rest);
    return;
  }
  // Checks as code: clients of the management API, without the server's configuration.
  if ((CONFIG_COMMANDS as readonly string[]).includes(command)) {
    const env = getProcessEnv();
    const out = (text: string) => process.stdout.write(text);
    const err = (text: string) => process.stderr.write(text);
    process.exitCode = await runConfigCommand(command, rest, { env: { url: env.VIGIL_URL, apiKey: env.VIGIL_API_KEY }, cwd: getInvocationDir(), out, err });
    return;
  }
  // `prune` takes a task name before its options.
  const pruneTask = command === "prune" && rest[0] && !rest[0].startsWith("-") ? rest.shift() : undefined;
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      json: { type: "boolean", default: false },
      project: { type: "string" },
      "read-only": { type: "boolean", default: false },
      "no-web-app": { type: "boolean", default: false },
    },
    strict: true,
  });
  const env = getEnv();
  const stoppers: Stopper[] = [];

  switch (command) {
    case "start": {
      migrateDatabase();
      const where = env.database.kind === "sqlite" ? `SQLite ${env.database.sqlitePath}` : "PostgreSQL";
      log(`database              ${where}`);
      await startWeb(stoppers, !values["no-web-app"]);
      startAlerts(stoppers);
      startProber(stoppers);
      // Reports and reminders are email only: without EMAIL_HOST there is nothing to send them with.
      if (env.email.host) startReports(stoppers);
      if (env.smtpdPort !== null) await startEmail(stoppers, env.smtpdPort);
      stopOnSignal(stoppers);
      return;
    }
    case "web":
      await startWeb(stoppers, !values["no-web-app"]);
      stopOnSignal(stoppers);
      return;
    case "sendalerts":
      startAlerts(stoppers);
      await startMetrics(stoppers);
      stopOnSignal(stoppers);
      return;
    case "probe":
      startProber(stoppers);
      await startMetrics(stoppers);
      stopOnSignal(stoppers);
      return;
    case "sendreports":
      if (!env.email.host) throw new Error("sendreports needs EMAIL_HOST (reports and reminders are sent by email)");
      startReports(stoppers);
      stopOnSignal(stoppers);
      return;
    case "smtpd":
      await startEmail(stoppers, env.smtpdPort ?? 25);
      await startMetrics(stoppers);
      stopOnSignal(stoppers);
      return;
    case "migrate":
      migrateDatabase();
      log("Migrations applied.");
      return;
    case "createuser": {
      if (!values.email) throw new UsageError("createuser needs --email");
      const { user, project } = await createUser({ email: values.email, password: values.password });
      if (values.json) {
        const projectCode = project.code;
        const pingKey = await createPingKey({ actor: SYSTEM, projectCode });
        const apiKey = await createApiKey({ actor: SYSTEM, projectCode, readOnly: false });
        const apiKeyReadonly = await createApiKey({ actor: SYSTEM, projectCode, readOnly: true });
        log(JSON.stringify({ email: user.email, project: project.code, ping_key: pingKey, api_key: apiKey, api_key_readonly: apiKeyReadonly }));
      } else {
        log(`Created ${user.email} with project "${project.name}" (${project.code}).`);
      }
      return;
    }
    case "apikey": {
      if (!values.email) throw new UsageError("apikey needs --email");
      const project = await findProjectForCli(values.email, values.project);
      log(await createApiKey({ actor: SYSTEM, projectCode: project.code, readOnly: values["read-only"] }));
      return;
    }
    case "prune": {
      const task = pruneTask ?? "all";
      if (task !== "all" && !(PRUNE_TASKS as readonly string[]).includes(task)) {
        throw new UsageError(`unknown prune task "${task}"`);
      }
      const tasks = task === "all" ? [...PRUNE_TASKS] : [task as PruneTask];
      const removed: Record<string, unknown> = {};
      for (const t of tasks) {
        const report = await runPruneTask(t);
        if (values.json) removed[t] = report.removed;
        else log(report.summary);
      }
      if (values.json) log(JSON.stringify(removed));
      return;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : "no command given");
  }
}

class UsageError extends Error {}

exitOnUncaughtException();
// V8 lets the old generation grow to up to 4x its live size before the next full collection.
// Under a ping burst, request objects that outlive a young-generation collection pile up there,
// and the server kept 210-265 MB after the bench instead of ~200 MB. 1.3x (V8's own growth
// factor when it saves memory) holds it near 200 MB; the bench showed no throughput change.
v8.setFlagsFromString("--heap-growing-percent=30");
main(process.argv.slice(2))
  .then(async () => {
    // One-shot commands exit here; long-running ones registered signal handlers and keep going.
    if (!["start", "web", "sendalerts", "probe", "sendreports", "smtpd"].includes(process.argv[2] ?? "")) {
      await closeAll();
    }
  })
  .catch(async (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`vigil: ${err.message}\n\n${USAGE}`);
    } else if (err instanceof EnvError) {
      process.stderr.write(`vigil: bad configuration: ${err.message}\n`);
    } else if (err instanceof Error && err.name === "AppError") {
      process.stderr.write(`vigil: ${err.message}\n`);
    } else {
      process.stderr.write(`vigil: ${err instanceof Error ? err.message : String(err)}\n`);
    }
    await closeAll();
    process.exit(err instanceof UsageError ? 2 : 1);
  });
