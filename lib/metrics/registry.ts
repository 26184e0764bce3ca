import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { getDb } from "../db";
import { gaugeSources, PING_KINDS, PING_TRANSPORTS, tallies, type PingQueueStats, type TallyHistogram } from "./tallies";

const NO_QUEUE: PingQueueStats = { queued: 0, batchesInFlight: 0, maxBatches: 0 };
const pingQueue = (): PingQueueStats => gaugeSources.pingQueue?.() ?? NO_QUEUE;
const pingStorePool = () => gaugeSources.pingStorePool?.() ?? null;

let registry: Registry | undefined;

/**
 * Vigil's operational metrics (GET /metrics), created on first use. A dedicated Registry, not
 * prom-client's global one, so nothing else registering there can collide with or leak into it.
 * Every metric is a view: the ping path and sendalerts only add to plain numbers (tallies.ts),
 * and each scrape copies them in (collect), together with a few gauges read from the database
 * with indexed COUNTs. The default process_* and nodejs_* metrics keep their standard,
 * unprefixed names, which ready-made Node.js dashboards and alerts expect; the scrape job's
 * labels already tell Vigil's processes apart.
 */
export function getMetricsRegistry(): Registry {
  if (registry) return registry;
  const r = new Registry();
  collectDefaultMetrics({ register: r });
  const registers = [r];

  new Counter({
    name: "vigil_pings_received_total",
    help: "Pings recorded, by kind after the check's filters (success, start, fail, log, ign) and transport (http, email).",
    labelNames: ["kind", "transport"] as const,
    registers,
    collect() {
      this.reset();
      PING_KINDS.forEach((kind, k) =>
        PING_TRANSPORTS.forEach((transport, t) => this.inc({ kind, transport }, tallies.pings[k * PING_TRANSPORTS.length + t])),
      );
    },
  });
  mapCounter(r, "vigil_pings_rejected_total", "Pings answered without being recorded, by status (400 bad URL, 404 unknown check, 409 ambiguous slug, 503 busy).", "status", tallies.pingsRejected);
  new Counter({
    name: "vigil_ping_errors_total",
    help: "Pings whose transaction failed with a database error (answered 503).",
    registers,
    collect() {
      this.reset();
      this.inc(tallies.pingErrors);
    },
  });
  tallyHistogram(r, "vigil_ping_duration_seconds", "HTTP ping handling time, from the request reaching the ping handler to the response being written.", tallies.pingDuration);
  mapCounter(r, "vigil_flips_total", "Status changes (flips) created by pings and by sendalerts' going-down scan, by new status.", "new_status", tallies.flips, ["up", "down"]);
  mapCounter(r, "vigil_notifications_sent_total", "Notifications delivered (alerts and reminders), by channel kind.", "kind", tallies.notificationsSent);
  mapCounter(r, "vigil_notifications_failed_total", "Notifications that failed (alerts and reminders), by channel kind.", "kind", tallies.notificationsFailed);
  tallyHistogram(r, "vigil_sendalerts_dwell_seconds", "Time from a flip's creation (for a timeout, its deadline) to its notifications being done.", tallies.sendalertsDwell);

  // Queue sizes. Both COUNTs are bounded by the backlog they measure and served by an index
  // (flips.processed_at, checks.alert_after). Reminders due are not counted: next_reminder_at is
  // deliberately unindexed (see claim-due-reminder.ts), so that COUNT would scan every check.
  dbGauge(r, "vigil_flips_unprocessed", "Flips waiting for sendalerts to deliver them (database-wide).", () =>
    getDb().flip.count({ where: { processedAt: null } }),
  );
  dbGauge(r, "vigil_checks_overdue", "Checks past their deadline that sendalerts has not marked down yet (database-wide).", () =>
    getDb().check.count({ where: { alertAfter: { lt: new Date() }, status: { not: "down" } } }),
  );
  new Gauge({
    name: "vigil_ping_queue_length",
    help: "Pings waiting for the next database batch in this process.",
    registers,
    collect() {
      this.set(pingQueue().queued);
    },
  });
  new Gauge({
    name: "vigil_ping_batches_in_flight",
    help: "Ping batches being written in this process (on SQLite at most 1: one writer).",
    registers,
    collect() {
      this.set(pingQueue().batchesInFlight);
    },
  });
  new Gauge({
    name: "vigil_ping_batches_max",
    help: "Ping batches that may be written at once (1 on SQLite, the ping pool size on PostgreSQL).",
    registers,
    collect() {
      this.set(pingQueue().maxBatches);
    },
  });
  new Gauge({
    name: "vigil_ping_store_connections",
    help: "PostgreSQL connections of the ping store's pool, by state (idle, busy); none on SQLite.",
    labelNames: ["state"] as const,
    registers,
    collect() {
      this.reset();
      const stats = pingStorePool();
      if (!stats) return;
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "busy" }, stats.total - stats.idle);
    },
  });
  new Gauge({
    name: "vigil_ping_store_waiting_clients",
    help: "Ping batches waiting for a PostgreSQL connection of the ping store's pool.",
    registers,
    collect() {
      this.set(pingStorePool()?.waiting ?? 0);
    },
  });

  // Active checks' prober (vigil probe, or vigil start): zero in processes that do not run it.
  new Counter({
    name: "vigil_probe_runs_total",
    help: "Probe runs of active checks recorded by this process, by probe type and verdict (healthy, degraded, down).",
    labelNames: ["type", "verdict"] as const,
    registers,
    collect() {
      this.reset();
      for (const [key, value] of tallies.probeRuns) {
        const [type, verdict] = key.split(" ");
        this.inc({ type, verdict }, value);
      }
    },
  });
  tallyHistogram(r, "vigil_probe_duration_seconds", "Probe run time, all attempts, from start to verdict.", tallies.probeDuration);
  tallyHistogram(r, "vigil_probe_lag_seconds", "Probe scheduling lag: a run's start time minus its due time.", tallies.probeLag);
  new Gauge({
    name: "vigil_probes_in_flight",
    help: "Probe runs in progress in this process.",
    registers,
    collect() {
      this.set(gaugeSources.probesInFlight?.() ?? 0);
    },
  });

  registry = r;
  return r;
}

/** A counter with one label whose values live in a Map; `initial` label values show as 0. */
function mapCounter<K extends string | number>(
  r: Registry,
  name: string,
  help: string,
  label: string,
  values: Map<K, number>,
  initial: K[] = [],
): void {
  new Counter({
    name,
    help,
    labelNames: [label],
    registers: [r],
    collect() {
      this.reset();
      for (const key of initial) this.inc({ [label]: key }, 0);
      for (const [key, value] of values) this.inc({ [label]: key }, value);
    },
  });
}

/**
 * A histogram whose counts live in a TallyHistogram. prom-client has no API to load bucket
 * counts, so collect() replaces the unlabelled series it keeps in `hashMap`: per-bucket (not
 * cumulative) counts keyed by upper bound, plus sum and count (prom-client 15.1.3, pinned).
 * tests/metrics read the rendered buckets, so a change there fails loudly.
 */
function tallyHistogram(r: Registry, name: string, help: string, tally: TallyHistogram): void {
  new Histogram({
    name,
    help,
    buckets: [...tally.bounds],
    registers: [r],
    collect() {
      const bucketValues: Record<number, number> = {};
      tally.bounds.forEach((bound, i) => (bucketValues[bound] = tally.counts[i]));
      (this as unknown as { hashMap: Record<string, unknown> }).hashMap = {
        "": { labels: {}, bucketValues, sum: tally.sum, count: tally.count },
      };
    },
  });
}

/** A gauge read from the database at scrape time; left out of that scrape if the query fails. */
function dbGauge(r: Registry, name: string, help: string, read: () => Promise<number>): void {
  new Gauge({
    name,
    help,
    registers: [r],
    async collect() {
      try {
        this.set(await read());
      } catch (err) {
        // One unreachable database must not hide the other metrics (pings failing, say).
        console.error(`metrics: ${name} failed:`, err);
        this.remove();
      }
    },
  });
}
