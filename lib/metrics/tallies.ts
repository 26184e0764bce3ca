import { TallyHistogram } from "./tally-histogram";

/** Ping kinds as recorded (Ping.kind, null = success), i.e. after the check's filters. */
export const PING_KINDS = ["success", "start", "fail", "log", "ign"] as const;
/** How pings arrive: HTTP (any scheme) or email (Ping.scheme "email"). */
export const PING_TRANSPORTS = ["http", "email"] as const;

/**
 * This process's operational counters as plain numbers. The ping path and sendalerts only add
 * to them; lib/metrics/registry.ts turns them into Prometheus metrics when /metrics is scraped,
 * so nothing here allocates or hashes labels per ping. Counters are per process: `vigil start`
 * runs web, pings and sendalerts in one process, so its /metrics covers everything.
 */
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
};

/** Adds one to a counter kept in a Map. */
export function incrementTally<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
