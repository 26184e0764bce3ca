// Email ping listener (Healthchecks' `manage.py smtpd`): `tsx scripts/smtpd.ts`.
// SMTPD_HOST (default 0.0.0.0) and SMTPD_PORT (default 25 when run on its own) pick the address.
import { getEnv } from "../lib/env";
import { closeAll } from "../lib/lifecycle";
import { startSmtpd } from "../lib/smtpd/create-smtp-server";

async function main(): Promise<void> {
  const env = getEnv();
  const host = env.smtpdHost;
  const port = env.smtpdPort ?? 25;
  const smtpd = await startSmtpd({ port, host });
  console.log(`Starting SMTP listener on ${host}:${smtpd.port} ...`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, closing the SMTP listener`);
    // Open sessions may finish their message (idle ones are closed after 5 s), then the
    // database connections close.
    void smtpd
      .close()
      .then(closeAll)
      .then(() => process.exit(0));
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
