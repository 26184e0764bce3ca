import { getDb, type Flip } from "../db";
import { claimDueReminder } from "./claim-due-reminder";
import { claimNextFlip } from "./claim-next-flip";
import { createReminderClock, type ReminderClock } from "./create-reminder-clock";
import { deliverFlip, type DeliveryReport } from "./deliver-flip";
import { findGoingDown } from "./find-going-down";
import { claimReleasedFlips } from "./hold-for-maintenance";
import { waitForWork } from "../pings/wake";
import { createStatusPagesWorker } from "../status-pages/status-pages-worker";

export interface SendalertsOptions {
  /** Abort to stop: no new claims, in-flight deliveries finish, then the promise resolves. */
  signal?: AbortSignal;
  log?: (line: string) => void;
  /** Flips delivered at once, so one slow endpoint (30 s timeout, 3 tries) holds up no others. */
  concurrency?: number;
}

// Upper bound on a sleep. Flips committed in this process or, on PostgreSQL, anywhere wake the
// loop at once; this poll is what a ping written by another process on SQLite waits for.
const POLL_MS = 250;
const ERROR_PAUSE_MS = 1000;
// How often ended maintenance windows are looked for: a held alert leaves at most this late.
const RELEASE_SCAN_MS = 5000;

/**
 * The sendalerts loop (Healthchecks' manage.py sendalerts): flip overdue checks down, claim
 * unprocessed flips and deliver them, sleep until there may be more work. Safe to run in
 * several processes at once. Errors in one pass are logged and the loop carries on.
 */
export async function runSendalerts({ signal, log = console.log, concurrency = 8 }: SendalertsOptions = {}): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  // Aborted when a delivery frees a slot of a full pool, so the loop claims the next flip at once.
  let slotFreed = new AbortController();
  const stopped = () => signal?.aborted === true;

  // The last delivery started for each check in this process, so that a check's flips (down,
  // then up a moment later) are delivered in order even though different checks run in parallel.
  const lastForCheck = new Map<number, Promise<void>>();
  const reminders = createReminderClock();
  // Flips whose maintenance window ended, claimed for release and waiting for a pool slot.
  const released: Flip[] = [];
  let releaseScanAt = 0;
  // Status page subscribers: maintenance starts and ends, event fan-out and deliveries, beside the flips.
  const statusPages = createStatusPagesWorker({ log });

  /** A due "still down" reminder, asked of the database only when the clock says one is due. */
  const claimReminder = async () => {
    if ((await reminders.next()) > Date.now()) return null;
    reminders.invalidate();
    return claimDueReminder();
  };

  /** Claims flips until the pool is full or the queue is empty; deliveries run in the background. */
  const fillPool = async () => {
    while (!stopped() && inFlight.size < concurrency) {
      // Status changes first; "still down" reminders only when no flip is waiting.
      const flip = released.shift() ?? (await claimNextFlip()) ?? (await claimReminder());
      if (!flip) return;
      const previous = lastForCheck.get(flip.checkId) ?? Promise.resolve();
      const task: Promise<void> = previous
        .then(() => deliverFlip(flip))
        .then(
          (report) => logReport(report, log),
          (err) => log(`Error delivering flip ${flip.id}: ${errorMessage(err)}`),
        )
        .finally(() => {
          const wasFull = inFlight.size >= concurrency;
          inFlight.delete(task);
          if (lastForCheck.get(flip.checkId) === task) lastForCheck.delete(flip.checkId);
          if (wasFull) slotFreed.abort();
        });
      inFlight.add(task);
      lastForCheck.set(flip.checkId, task);
    }
  };

  log("sendalerts is now running");
  while (!stopped()) {
    slotFreed = new AbortController();
    try {
      if (Date.now() >= releaseScanAt) {
        releaseScanAt = Date.now() + RELEASE_SCAN_MS;
        released.push(...(await claimReleasedFlips()));
      }
      // Healthchecks scans every overdue check before sending anything. Claiming after each
      // scanned check instead means that when many checks go down together (a host reboot),
      // the first alerts leave while the rest are still being scanned.
      let scanned: boolean;
      do {
        scanned = await findGoingDown();
        await fillPool();
      } while (scanned && !stopped());
      if (stopped()) break;
      statusPages.poke();
      const wake = signal ? AbortSignal.any([signal, slotFreed.signal]) : slotFreed.signal;
      await waitForWork(await getIdleWaitMs(reminders), wake);
    } catch (err) {
      log(`Error: ${errorMessage(err)}`);
      await waitForWork(ERROR_PAUSE_MS, signal);
    }
  }
  await Promise.all([...inFlight, statusPages.drain()]);
  log("sendalerts stopped");
}

/**
 * Until the next deadline or due reminder, capped at POLL_MS; the scan selects
 * alert_after < now, hence +1.
 */
async function getIdleWaitMs(reminders: ReminderClock): Promise<number> {
  const [next, reminderAt] = await Promise.all([
    getDb().check.findFirst({
      where: { alertAfter: { not: null }, status: { not: "down" } },
      orderBy: { alertAfter: "asc" },
      select: { alertAfter: true },
    }),
    reminders.next(),
  ]);
  const first = Math.min(next?.alertAfter?.getTime() ?? Infinity, reminderAt - 1);
  if (first === Infinity) return POLL_MS;
  return Math.min(POLL_MS, Math.max(0, first - Date.now() + 1));
}

/** Healthchecks-style lines: "<uuid> goes down", then one line per channel. */
function logReport(report: DeliveryReport, log: (line: string) => void): void {
  if (!report.checkCode) return;
  const held = report.held ? ` (held: ${report.held})` : "";
  log(report.reminder ? `${report.checkCode} is still ${report.newStatus} (reminder)${held}` : `${report.checkCode} goes ${report.newStatus}${held}`);
  for (const d of report.deliveries) {
    const secs = (d.durationMs / 1000).toFixed(1);
    log(`  ${d.kind} ${d.channelCode}: ${d.error ? `Error in ${secs}s: ${d.error}` : `OK in ${secs}s`}`);
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
