// Vigil's own /metrics (METRICS_KEY) end to end: real pings over HTTP and SMTP, the going-down
// scan, and sendalerts deliveries to a loopback webhook, read back through the front server and
// the METRICS_PORT server. Counters are per process and shared by the whole file, so the tests
// compare a scrape before and after each action.
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { claimAndDeliverNextFlip } from "../../lib/alerts/claim-and-deliver-next-flip";
import { findGoingDown } from "../../lib/alerts/find-going-down";
import { getDb } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { startMetricsServer, type MetricsServer } from "../../lib/metrics/operational-metrics";
import { startFrontServer, type FrontServer } from "../../lib/server/create-front-server";
import { startSmtpd } from "../../lib/smtpd/create-smtp-server";
import { createChannel, startHttpSink, webhookConfig, type HttpSink } from "../helpers/alerts";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createCheck, createFixtures } from "../fixtures";

const KEY = "metrics-key-for-tests";
const DOMAIN = "hc.example.org";

type Samples = Map<string, number>;

const sampleKey = (name: string, labels: Record<string, string>) =>
  `${name}{${Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(",")}}`;

/** Prometheus text format → samples keyed by name and sorted labels. */
function parseSamples(text: string): Samples {
  const samples: Samples = new Map();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`unparsable line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2];
    samples.set(sampleKey(m[1], labels), Number(m[3]));
  }
  return samples;
}

forEachDatabase(
  (kind) => {
    let server: FrontServer;
    let base: string;
    let sink: HttpSink;
    let smtpd: { port: number; close(): Promise<void> };
    let projectId: number;

    beforeAll(async () => {
      server = await startFrontServer({ port: 0, host: "127.0.0.1" });
      base = `http://127.0.0.1:${server.port}`;
      sink = await startHttpSink();
      smtpd = await startSmtpd({ port: 0, host: "127.0.0.1" }, { log: () => {} });
    });
    afterAll(async () => {
      await server.close();
      await sink.close();
      await smtpd.close();
    });
    beforeEach(async () => {
      await resetDatabase();
      sink.requests.length = 0;
      ({ project: { id: projectId } } = await createFixtures());
    });

    async function scrape(url = `${base}/metrics`): Promise<Samples> {
      const res = await fetch(url, { headers: { Authorization: `Bearer ${KEY}` } });
      expect(res.status).toBe(200);
      return parseSamples(await res.text());
    }
    /** How much a sample grew between two scrapes (a missing sample counts as 0). */
    const delta = (before: Samples, after: Samples, name: string, labels: Record<string, string> = {}) =>
      (after.get(sampleKey(name, labels)) ?? 0) - (before.get(sampleKey(name, labels)) ?? 0);

    test("/metrics is 404 while METRICS_KEY is unset", async () => {
      setEnv({ METRICS_KEY: "" });
      try {
        const res = await fetch(`${base}/metrics`, { headers: { Authorization: "Bearer anything" } });
        expect(res.status).toBe(404);
      } finally {
        setEnv({ METRICS_KEY: KEY });
      }
    });

    test("/metrics wants the key as a Bearer token or in X-Metrics-Key", async () => {
      const noKey = await fetch(`${base}/metrics`);
      expect(noKey.status).toBe(401);
      expect(noKey.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await noKey.text()).toMatch(/METRICS_KEY/);
      expect((await fetch(`${base}/metrics`, { headers: { Authorization: "Bearer wrong" } })).status).toBe(403);
      expect((await fetch(`${base}/metrics`, { headers: { "X-Metrics-Key": "wrong" } })).status).toBe(403);
      expect((await fetch(`${base}/metrics`, { headers: { "X-Metrics-Key": KEY } })).status).toBe(200);
      const res = await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${KEY}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
      const text = await res.text();
      expect(text).toContain("# TYPE vigil_pings_received_total counter\n");
      expect(text).toContain("# TYPE vigil_ping_duration_seconds histogram\n");
      // prom-client's default process metrics, under their standard names.
      expect(text).toContain("# TYPE process_cpu_seconds_total counter\n");
      expect(text).toContain("# TYPE nodejs_eventloop_lag_seconds gauge\n");
    });

    test("the METRICS_PORT server answers /metrics with the same key and nothing else", async () => {
      const metricsServer: MetricsServer = await startMetricsServer({ port: 0, host: "127.0.0.1" });
      try {
        const url = `http://127.0.0.1:${metricsServer.port}`;
        expect((await fetch(`${url}/metrics`)).status).toBe(401);
        expect((await fetch(`${url}/metrics`, { headers: { "X-Metrics-Key": "nope" } })).status).toBe(403);
        expect((await fetch(`${url}/ping/${randomUUID()}`)).status).toBe(404);
        const samples = await scrape(`${url}/metrics?x=1`);
        expect(samples.has(sampleKey("vigil_flips_unprocessed", {}))).toBe(true);
      } finally {
        await metricsServer.close();
      }
    });

    test("pings are counted by kind and transport, rejected pings by status, HTTP pings timed", async () => {
      const check = await createCheck(projectId, { name: "job" });
      const filtered = await createCheck(projectId, { name: "filtered", filterHttpBody: true, successKw: "SUCCESS" });
      const mailed = await createCheck(projectId, { name: "mailed" });
      const before = await scrape();

      for (const suffix of ["", "/start", "/fail", "/log", "/3"]) {
        expect((await fetch(`${base}/ping/${check.code}${suffix}`, { method: "POST", body: "x" })).status).toBe(200);
      }
      // Neither keyword in the body: classified "ign".
      expect((await fetch(`${base}/ping/${filtered.code}`, { method: "POST", body: "nothing to see" })).status).toBe(200);
      expect((await fetch(`${base}/ping/${randomUUID()}`)).status).toBe(404);
      expect((await fetch(`${base}/ping/not-a-uuid`)).status).toBe(404);
      expect((await fetch(`${base}/ping/${check.code}/256`)).status).toBe(400);
      const mail = nodemailer.createTransport({ host: "127.0.0.1", port: smtpd.port, secure: false, ignoreTLS: true });
      await mail.sendMail({ from: "cron@example.org", to: `${mailed.code}@${DOMAIN}`, subject: "done", text: "ok" });
      expect(await getDb().ping.count({ where: { checkId: mailed.id } })).toBe(1);

      const after = await scrape();
      const received = (k: string, transport = "http") => delta(before, after, "vigil_pings_received_total", { kind: k, transport });
      expect(received("success")).toBe(1);
      expect(received("start")).toBe(1);
      expect(received("fail")).toBe(2);
      expect(received("log")).toBe(1);
      expect(received("ign")).toBe(1);
      expect(received("success", "email")).toBe(1);
      expect(received("fail", "email")).toBe(0);
      expect(delta(before, after, "vigil_pings_rejected_total", { status: "404" })).toBe(2);
      expect(delta(before, after, "vigil_pings_rejected_total", { status: "400" })).toBe(1);
      // Nine HTTP requests reached the ping handler; email pings are not timed.
      expect(delta(before, after, "vigil_ping_duration_seconds_count")).toBe(9);
      expect(delta(before, after, "vigil_ping_duration_seconds_bucket", { le: "+Inf" })).toBe(9);
      expect(after.get(sampleKey("vigil_ping_duration_seconds_sum", {}))).toBeGreaterThan(before.get(sampleKey("vigil_ping_duration_seconds_sum", {}))!);
      // new→up, up→down (fail; the exit-code fail finds it down already), new→up by email.
      expect(delta(before, after, "vigil_flips_total", { new_status: "up" })).toBe(2);
      expect(delta(before, after, "vigil_flips_total", { new_status: "down" })).toBe(1);
      expect(after.get(sampleKey("vigil_ping_queue_length", {}))).toBe(0);
      expect(after.get(sampleKey("vigil_ping_batches_max", {}))).toBe(kind === "sqlite" ? 1 : 6);
      if (kind === "postgres") {
        const idle = after.get(sampleKey("vigil_ping_store_connections", { state: "idle" }))!;
        const busy = after.get(sampleKey("vigil_ping_store_connections", { state: "busy" }))!;
        expect(idle + busy).toBeGreaterThanOrEqual(1);
        expect(after.get(sampleKey("vigil_ping_store_waiting_clients", {}))).toBe(0);
      } else {
        expect(after.has(sampleKey("vigil_ping_store_connections", { state: "idle" }))).toBe(false);
      }
    });

    test("flips, queue sizes, deliveries and dwell time follow a check through sendalerts", async () => {
      const check = await createCheck(projectId, { name: "alerting" });
      await createChannel(projectId, "webhook", webhookConfig(`${sink.url}/ok`), [check.id]);
      await createChannel(projectId, "webhook", webhookConfig(`${sink.url}/broken`), [check.id]);
      sink.respond = (req, res) => {
        res.statusCode = req.url === "/broken" ? 500 : 200;
        res.end();
      };
      // Overdue since a minute ago and not yet marked down.
      const overdue = await createCheck(projectId, {
        name: "overdue",
        status: "up",
        timeout: 60,
        grace: 60,
        lastPing: new Date(Date.now() - 3 * 60_000),
        alertAfter: new Date(Date.now() - 60_000),
      });
      const before = await scrape();
      expect(before.get(sampleKey("vigil_checks_overdue", {}))).toBe(1);
      expect(before.get(sampleKey("vigil_flips_unprocessed", {}))).toBe(0);

      expect((await fetch(`${base}/ping/${check.code}`)).status).toBe(200);
      expect((await fetch(`${base}/ping/${check.code}/fail`)).status).toBe(200);
      expect(await findGoingDown()).toBe(true);
      expect((await getDb().check.findUniqueOrThrow({ where: { id: overdue.id } })).status).toBe("down");

      const queued = await scrape();
      expect(queued.get(sampleKey("vigil_flips_unprocessed", {}))).toBe(3);
      expect(queued.get(sampleKey("vigil_checks_overdue", {}))).toBe(0);
      expect(delta(before, queued, "vigil_flips_total", { new_status: "up" })).toBe(1);
      expect(delta(before, queued, "vigil_flips_total", { new_status: "down" })).toBe(2);

      while (await claimAndDeliverNextFlip()) {
        // Drains the outbox: new→up is silent, the fail alerts both channels, the timeout
        // flip's check has no channels.
      }
      // The broken endpoint was tried three times, the good one once.
      expect(sink.requests.map((r) => r.url).sort()).toEqual(["/broken", "/broken", "/broken", "/ok"]);

      const after = await scrape();
      expect(after.get(sampleKey("vigil_flips_unprocessed", {}))).toBe(0);
      expect(delta(queued, after, "vigil_notifications_sent_total", { kind: "webhook" })).toBe(1);
      expect(delta(queued, after, "vigil_notifications_failed_total", { kind: "webhook" })).toBe(1);
      // Alerting flips only: the down by the fail ping and the down by timeout.
      expect(delta(queued, after, "vigil_sendalerts_dwell_seconds_count")).toBe(2);
      expect(delta(queued, after, "vigil_sendalerts_dwell_seconds_bucket", { le: "+Inf" })).toBe(2);
    });

    test("histogram buckets are cumulative and end at the count", async () => {
      const samples = await scrape();
      for (const name of ["vigil_ping_duration_seconds", "vigil_sendalerts_dwell_seconds"]) {
        const buckets = [...samples].filter(([k]) => k.startsWith(`${name}_bucket{`)).map(([, v]) => v);
        expect(buckets.length).toBeGreaterThan(5);
        expect([...buckets].sort((a, b) => a - b)).toEqual(buckets);
        expect(buckets.at(-1)).toBe(samples.get(sampleKey(`${name}_count`, {})));
      }
    });

    test("the Healthchecks service metrics API answers with X-Metrics-Key only", async () => {
      const check = await createCheck(projectId);
      await fetch(`${base}/ping/${check.code}`);
      await fetch(`${base}/ping/${check.code}`);
      expect((await fetch(`${base}/api/v3/metrics/`)).status).toBe(403);
      expect((await fetch(`${base}/api/v3/metrics/`, { headers: { "X-Metrics-Key": "wrong" } })).status).toBe(403);
      const res = await fetch(`${base}/api/v1/metrics/`, { headers: { "X-Metrics-Key": KEY } });
      expect(res.status).toBe(200);
      const doc = (await res.json()) as Record<string, unknown>;
      expect(Object.keys(doc)).toEqual(["ts", "max_ping_id", "max_notification_id", "num_unprocessed_flips"]);
      expect(doc).toMatchObject({ max_ping_id: 2, max_notification_id: null, num_unprocessed_flips: 1 });
      expect(Math.abs((doc.ts as number) - Date.now() / 1000)).toBeLessThan(60);
    });
  },
  { METRICS_KEY: KEY, INTEGRATIONS_ALLOW_PRIVATE_IPS: "True", PING_EMAIL_DOMAIN: DOMAIN },
);
