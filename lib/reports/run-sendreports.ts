import { sendDueNag } from "./send-due-nag";
import { sendDueReport } from "./send-due-report";
import type { SendResult } from "./types";

export interface SendreportsOptions {
  /** Abort to stop: the email being sent is finished, nothing new is claimed. */
  signal?: AbortSignal;
  log?: (line: string) => void;
  /** Sleep between rounds once nothing is due (Healthchecks: 60 s). */
  intervalMs?: number;
  /** Pause after each email sent, to stay under mail providers' sending quotas (Healthchecks: 3 s). */
  pauseMs?: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });

/**
 * The sendreports loop (Healthchecks' `manage.py sendreports --loop`): send every due report,
 * then every due "still down" reminder, then sleep and look again. Safe to run in several
 * processes at once: each email is claimed with a conditional update first, so none is sent
 * twice. Errors are logged and the loop carries on with the next round.
 */
export async function runSendreports({
  signal,
  log = console.log,
  intervalMs = 60_000,
  pauseMs = 3_000,
}: SendreportsOptions = {}): Promise<void> {
  const stopped = () => signal?.aborted === true;

  const drain = async (step: () => Promise<SendResult | null>, what: string) => {
    while (!stopped()) {
      const result = await step();
      if (!result) return;
      if (result.error) log(`Error sending ${what} to ${result.email}: ${result.error}`);
      else if (result.sent) log(`Sent ${what} to ${result.email}`);
      else continue;
      await sleep(pauseMs, signal);
    }
  };

  log("sendreports is now running");
  while (!stopped()) {
    try {
      await drain(() => sendDueReport(), "report");
      await drain(() => sendDueNag(), "reminder");
    } catch (err) {
      log(`Error: ${err instanceof Error ? err.message : String(err)}`);
    }
    await sleep(intervalMs, signal);
  }
  log("sendreports stopped");
}
