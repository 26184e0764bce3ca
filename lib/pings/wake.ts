// Prompt delivery without busy polling. Healthchecks' sendalerts sleeps 2 s between scans; we
// want a /fail webhook out within ~0.5 s, so the loop sleeps in waitForWork(), which returns
// early when a flip is committed:
// - same process: the ping path calls notifyFlipsCreated() after its commit (an EventEmitter);
// - PostgreSQL: the ping path runs `SELECT pg_notify('vigil_flips', '')` in its transaction,
//   and a dedicated connection here LISTENs (notifications are delivered only on commit);
// - SQLite in another process has no such channel: the caller's short maxMs poll covers it.
import { EventEmitter } from "node:events";
import pg from "pg";
import { getEnv } from "../env";
import { onClose } from "../lifecycle";

export const FLIPS_CHANNEL = "vigil_flips";

const RECONNECT_DELAY_MS = 1000;

const emitter = new EventEmitter();
emitter.setMaxListeners(0);
// A wake that arrives while the loop is busy (between its last empty claim and the next wait)
// must not be lost, so it is remembered until the next waitForWork() consumes it.
let pending = false;

/** Wakes sendalerts loops in this process; call after committing a transaction with flips. */
export function notifyFlipsCreated(): void {
  pending = true;
  emitter.emit("wake");
}

/**
 * Resolves after `maxMs`, or earlier when flips are created (in this process, or on PostgreSQL
 * in any process) or `signal` aborts. Never rejects.
 */
export function waitForWork(maxMs: number, signal?: AbortSignal): Promise<void> {
  ensureListener();
  return new Promise<void>((resolve) => {
    if (pending || signal?.aborted) {
      pending = false;
      resolve();
      return;
    }
    const done = () => {
      pending = false;
      clearTimeout(timer);
      emitter.off("wake", done);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, maxMs));
    emitter.on("wake", done);
    signal?.addEventListener("abort", done);
  });
}

interface Listener {
  url: string;
  client: pg.Client | null;
  stopped: boolean;
  retryTimer?: NodeJS.Timeout;
}

let listener: Listener | null = null;

/** Starts (or retargets, when DATABASE_URL changed) the LISTEN connection on PostgreSQL. */
function ensureListener(): void {
  const { database } = getEnv();
  const url = database.kind === "postgres" ? database.url : null;
  if ((listener?.url ?? null) === url) return;
  void stopListener();
  if (!url) return;
  listener = { url, client: null, stopped: false };
  onClose("alerts-wake-listener", stopListener);
  void connect(listener);
}

async function connect(state: Listener): Promise<void> {
  if (state.stopped) return;
  const client = new pg.Client({ connectionString: state.url });
  state.client = client;
  // A dropped connection loses notifications, not flips: the caller's poll still finds them,
  // and we wake it once more after reconnecting in case something arrived meanwhile.
  const retry = () => {
    if (state.stopped || state.client !== client) return;
    state.client = null;
    client.end().catch(() => {});
    state.retryTimer = setTimeout(() => void connect(state), RECONNECT_DELAY_MS);
  };
  client.on("error", retry);
  client.on("end", retry);
  client.on("notification", notifyFlipsCreated);
  try {
    await client.connect();
    await client.query(`LISTEN ${FLIPS_CHANNEL}`);
    if (!state.stopped) notifyFlipsCreated();
  } catch {
    retry();
  }
}

async function stopListener(): Promise<void> {
  const state = listener;
  listener = null;
  if (!state) return;
  state.stopped = true;
  clearTimeout(state.retryTimer);
  const client = state.client;
  state.client = null;
  await client?.end().catch(() => {});
}
