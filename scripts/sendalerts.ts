// Alert sender (Healthchecks' `manage.py sendalerts`): `node --import tsx scripts/sendalerts.ts`.
// Several copies may run against one database. SIGTERM/SIGINT stop new claims, let in-flight
// deliveries finish, close the database connections and exit.
import { runSendalerts } from "../lib/alerts/run-sendalerts";
import { getEnv } from "../lib/env";
import { closeAll } from "../lib/lifecycle";

async function main(): Promise<void> {
  getEnv(); // fail fast on bad configuration
  const controller = new AbortController();
  const stop = (signal: string) => {
    if (controller.signal.aborted) return;
    console.log(`${signal} received, finishing in-flight deliveries`);
    controller.abort();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  await runSendalerts({ signal: controller.signal, log: (line) => console.log(line) });
  await closeAll();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
