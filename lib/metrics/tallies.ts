// This process's operational counters as plain numbers, and the one-line functions the ping
// path, sendalerts and deliveries call to add to them. Nothing here allocates or hashes labels
// per ping; lib/metrics/registry.ts turns the numbers into Prometheus metrics when /metrics is
// scraped. Counters are per process: `vigil start` runs web, pings and sendalerts in one
// process, so its /metrics covers everything.
import type { AppliedPing } from "../pings/apply-ping";
import type { PingResult } from "../pings/types";

/**
 * A histogram as plain numbers, cheap enough for the ping hot path: observe() is a short loop
 * and two additions (~5 ns), where prom-client's Histogram.observe() hashes labels and allocates
 * a closure per call (~200 ns).
 */
export class TallyHistogram {
  /** counts[i] = observations <= bounds[i] and > bounds[i - 1]; the last slot is +Inf. */
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  /** `bounds`: ascending upper bounds, in the unit the values are observed in. */
  constructor(readonly bounds: readonly number[]) {
    this.counts = new Float64Array(bounds.length + 1);
  }

  observe(value: number): void {
    const { bounds } = this;
    let i = 0;
    while (i < bounds.length && value > bounds[i]) i++;
    this.counts[i]++;
    this.sum += value;
    this.count++;
  }
}

/** Ping kinds as recorded (Ping.kind, null = success), i.e. after the check's filters. */
export const PING_KINDS = ["success", "start", "fail", "log", "ign"] as const;
/** How pings arrive: HTTP (any scheme) or email (Ping.scheme "email"). */
export const PING_TRANSPORTS = ["http", "email"] as const;

export const tallies = {
  /** Recorded pings at index kind * PING_TRANSPORTS.length + transport. */
  pings: new Float64Array(PING_KINDS.length * PING_TRANSPORTS.length),
  /** Pings answered without being recorded, by status (400, 404, 409, 503 busy). */
  pingsRejected: new Map<number, number>(),
  /** Pings whose transaction failed with a database error. */
  pingErrors: 0,
  /** HTTP pings, seconds from reaching the ping handler to the response being written. */
  pingDuration: new TallyHistogram([0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5]),
  /** Flips created by pings and by the going-down scan, by new status. */
  flips: new Map<string, number>(),
  /** Notifications (alerts and reminders, not test notifications) by channel kind. */
  notificationsSent: new Map<string, number>(),
  notificationsFailed: new Map<string, number>(),
  /** Seconds from a flip's creation to its notifications being done. */
  sendalertsDwell: new TallyHistogram([0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900, 3600]),
  /** Probe runs recorded by this process, keyed "<type> <verdict>" (http healthy, tcp down, ...). */
  probeRuns: new Map<string, number>(),
  /** Seconds one probe run took (all its attempts), from start to verdict. */
  probeDuration: new TallyHistogram([0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]),
  /** Seconds from a run's due time (next_probe_at) to its start: how far the prober is behind. */
  probeLag: new TallyHistogram([0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]),
};

export interface PingQueueStats {
  queued: number;
  batchesInFlight: number;
  maxBatches: number;
}

export interface PingPoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/**
 * How the scrape reads state that other modules own: the ping path registers its queue, the
 * ping store its PostgreSQL pool, when they load. Registering (rather than lib/metrics importing
 * them) keeps lib/metrics below the ping path, which counts into these tallies. Absent in a
 * process without that part (sendalerts alone): the gauges read zero.
 */
export const gaugeSources: {
  pingQueue?: () => PingQueueStats;
  pingStorePool?: () => PingPoolStats | null;
  /** Probe runs in progress in this process (the prober registers it when it starts). */
  probesInFlight?: () => number;
} = {};

/** Adds one to a counter kept in a Map. */
export function incrementTally<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

const KIND_INDEX: Record<string, number> = { start: 1, fail: 2, log: 3, ign: 4 };

/**
 * Counts a committed batch of pings (HTTP and email alike): the recorded ones by kind and
 * transport, the flips they created, and the answers that recorded nothing by status. Call it
 * only after the batch's transaction committed, so a rolled-back batch is not counted twice.
 */
export function countPingBatch(results: readonly PingResult[], recorded: readonly AppliedPing[]): void {
  for (const { status } of results) if (status >= 400) incrementTally(tallies.pingsRejected, status);
  for (const { ping, flip } of recorded) {
    const kind = ping.kind === null ? 0 : (KIND_INDEX[ping.kind] ?? 0);
    tallies.pings[kind * PING_TRANSPORTS.length + (ping.scheme === "email" ? 1 : 0)]++;
    if (flip) countFlip(flip.newStatus);
  }
}

/** Counts a ping whose transaction failed with a database error (it is answered 503). */
export function countPingError(): void {
  tallies.pingErrors++;
}

/** Counts a committed flip (a status change) by its new status. */
export function countFlip(newStatus: string): void {
  incrementTally(tallies.flips, newStatus);
}

/** Counts one delivery attempt to a channel of `kind` (after the transport's own retries). */
export function countNotification(kind: string, failed: boolean): void {
  incrementTally(failed ? tallies.notificationsFailed : tallies.notificationsSent, kind);
}

/**
 * Records how long a flip waited in the outbox: from its creation (for a going-down flip, the
 * deadline it passed) until its notifications were done.
 */
export function observeSendalertsDwell(flipCreatedAt: Date, now = Date.now()): void {
  tallies.sendalertsDwell.observe(Math.max(0, now - flipCreatedAt.getTime()) / 1000);
}

/**
 * Counts one finished probe run: by type and verdict, its duration, and its scheduling lag
 * (start − due time), both in seconds.
 */
export function countProbeRun(type: string, verdict: string, durationMs: number, lagMs: number): void {
  incrementTally(tallies.probeRuns, `${type} ${verdict}`);
  tallies.probeDuration.observe(durationMs / 1000);
  tallies.probeLag.observe(Math.max(0, lagMs) / 1000);
}
