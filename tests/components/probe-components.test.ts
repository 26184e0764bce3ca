// The probe result components and the degraded status, rendered to HTML as the server renders
// them, and read back as text and attributes.
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { EventLog } from "../../components/checks/event-log";
import { RowChannelSwitches, type RowChannel } from "../../components/checks/row-channel-switches";
import { StatusBadge, getStatusLabel } from "../../components/checks/status-badge";
import { CertificateDetails } from "../../components/probes/certificate-details";
import { ProbeForm } from "../../components/probes/probe-form";
import { ProbeResultSummary } from "../../components/probes/probe-result-summary";
import { RegionTable } from "../../components/probes/region-table";
import { ResponseTimeChart } from "../../components/probes/response-time-chart";
import { ResultsLog } from "../../components/probes/results-log";
import { TimingBar } from "../../components/probes/timing-bar";
import { UptimeFigures } from "../../components/probes/uptime-figures";
import { ProjectStatusSummary } from "../../components/projects/project-status-summary";

/** What a reader gets: the text, tags dropped, entities decoded, spaces collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

const NOW = new Date("2026-12-03T12:00:00Z");
const hoursAgo = (n: number) => new Date(NOW.getTime() - n * 3_600_000);

/** A probe's ping as the event log gets it: a local run ("Vigil probe (local)") or a round. */
const probePing = (n: number, kind: "success" | "fail", body: string, ua = "Vigil probe (local)") => ({
  type: "ping" as const,
  at: hoursAgo(n).getTime(),
  n,
  kind,
  scheme: "probe",
  remoteAddr: null,
  method: "",
  ua,
  exitStatus: null,
  rid: null,
  durationMs: null,
  bodySize: body.length,
  bodyPreview: body,
  failureOf: null,
});

describe("TimingBar", () => {
  test("names every phase with its time in words, and sizes the bar by share", () => {
    const html = renderToString(h(TimingBar, { timings: { dns_ms: 12.5, connect_ms: 25, tls_ms: 50, ttfb_ms: 100, total_ms: 250 } }));
    expect(textOf(html)).toBe(
      "Timings total 250 ms DNS lookup 12.5 ms TCP connect 25.0 ms TLS handshake 50.0 ms Time to first byte 100 ms Rest of the response 62.5 ms",
    );
    expect(html).toContain("width:5.00%");
    expect(html).toContain("width:40.00%");
    // The bar is decoration: the legend above is what screen readers read.
    expect(html).toMatch(/<div class="flex h-3[^"]*" aria-hidden="true">/);
  });

  test("leaves out the phases that did not happen", () => {
    const text = textOf(renderToString(h(TimingBar, { timings: { dns_ms: null, connect_ms: 0.8, tls_ms: null, ttfb_ms: null, total_ms: 0.8 }, caption: "TCP connect only" })));
    expect(text).toBe("TCP connect only total 0.80 ms TCP connect 0.80 ms");
  });
});

describe("ResponseTimeChart", () => {
  const results = [
    { date: hoursAgo(3), rtt_ms: 120, status: "healthy" as const },
    { date: hoursAgo(2), rtt_ms: 10_000, status: "down" as const },
    { date: hoursAgo(1), rtt_ms: 480, status: "degraded" as const },
    // Outside the last 24 hours: not drawn.
    { date: hoursAgo(30), rtt_ms: 9_999, status: "healthy" as const },
  ];

  test("summarises the runs of the period for screen readers and marks the chosen tab", () => {
    const html = renderToString(h(ResponseTimeChart, { results, range: "24h", onRangeChange: () => {}, now: NOW }));
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain("Response time over the last 24 hours: typical response time 120 ms, slowest 480 ms, 1 failed run.");
    expect(html).toMatch(/role="tab" aria-selected="true"[^>]*>24 h</);
    expect(html).toMatch(/role="tab" aria-selected="false"[^>]*>7 d</);
    expect(html).toMatch(/role="tab" aria-selected="false"[^>]*>30 d</);
    // The axis tops out at a round number above the slowest run, and the dates are the period's.
    expect(textOf(html)).toContain("500 ms");
    expect(textOf(html)).toContain("2026-12-02 12:00");
    expect(textOf(html)).toContain("2026-12-03 12:00");
    // One failure tick.
    expect(html.match(/class="stroke-down"/g)).toHaveLength(1);
  });

  test("draws rollup buckets with their 95th percentile and slowest, and hides the tabs without a handler", () => {
    const buckets = [0, 1, 2].map((d) => ({ start: new Date(NOW.getTime() - (d + 1) * 86_400_000), p50: 100 + d, p95: 200 + d, max: 900, failures: d }));
    const html = renderToString(h(ResponseTimeChart, { buckets, range: "7d", now: NOW, tz: "Europe/Riga" }));
    expect(html).not.toContain('role="tablist"');
    expect(html).toContain("Response time over the last 7 days: typical response time 101 ms, slowest 900 ms, 3 failed runs.");
    expect(html).toContain('stroke-dasharray="4 3"');
    expect(textOf(html)).toContain("95th percentile");
    // The axis tops out at 1 s, above the slowest 900 ms.
    expect(textOf(html)).toContain("1.00 s");
  });

  test("says so when the period has no runs", () => {
    const html = renderToString(h(ResponseTimeChart, { results: [], range: "30d", now: NOW }));
    expect(textOf(html)).toContain("No runs in the last 30 days");
    expect(html).toContain("<desc");
  });
});

describe("UptimeFigures", () => {
  test("shows the four periods as given, never rounding up to 100%", () => {
    const html = renderToString(h(UptimeFigures, { uptime: { "24h": 100, "7d": 99.996, "30d": 98.5, "90d": null } }));
    expect(textOf(html)).toBe(
      "24 hours Uptime over the last 24 hours 100% 7 days Uptime over the last 7 days 99.99% 30 days Uptime over the last 30 days 98.50% 90 days Uptime over the last 90 days — no runs",
    );
    expect(html).toContain("text-red-700");
  });
});

describe("CertificateDetails", () => {
  test("gives the expiry date, the days left and the issuer, warning within the threshold", () => {
    const expires = new Date(NOW.getTime() + 3 * 86_400_000 + 3_600_000);
    const html = renderToString(h(CertificateDetails, { expires, issuer: "CN=Test CA", now: NOW, thresholdDays: 14 }));
    expect(textOf(html)).toBe("Expires 2026-12-06 13:00 UTC (expires in 3 days) Issuer CN=Test CA");
    expect(html).toContain("text-amber-700");
    expect(html).toContain(`dateTime="${expires.toISOString()}"`);
  });

  test("says when the certificate has expired", () => {
    const html = renderToString(h(CertificateDetails, { expires: hoursAgo(24 * 5), issuer: null, now: NOW, thresholdDays: 14 }));
    expect(textOf(html)).toContain("(expired 5 days ago)");
    expect(textOf(html)).toContain("Issuer unknown");
    expect(html).toContain("text-red-700");
  });

  test("says when no certificate was seen", () => {
    expect(textOf(renderToString(h(CertificateDetails, { expires: null, issuer: null, now: NOW, thresholdDays: 14 })))).toBe(
      "No certificate was seen on the last run.",
    );
  });
});

describe("ResultsLog", () => {
  test("lists each run with its date, region, verdict in words, round trip, HTTP status and why", () => {
    const html = renderToString(
      h(ResultsLog, {
        tz: "UTC",
        results: [
          { date: hoursAgo(1), region: "local", status: "degraded", rtt_ms: 812.3, http_status: 200, notice: "median round trip time exceeded threshold", error: null },
          { date: hoursAgo(2), region: "local", status: "down", rtt_ms: 3.2, http_status: null, notice: null, error: "connect ECONNREFUSED 127.0.0.1:9" },
          { date: hoursAgo(3), region: "eu", status: "healthy", rtt_ms: 45.25, http_status: 204, notice: null, error: null },
        ],
      }),
    );
    const rows = html.split("<tr").slice(2).map((row: string) => textOf(`<tr${row}`));
    expect(rows).toEqual([
      "2026-12-03 11:00:00 UTC local Degraded 812 ms 200 median round trip time exceeded threshold",
      "2026-12-03 10:00:00 UTC local Down 3.20 ms — connect ECONNREFUSED 127.0.0.1:9",
      "2026-12-03 09:00:00 UTC eu Healthy 45.3 ms 204 —",
    ]);
    expect(html).toContain("bg-degraded");
  });

  test("says so when there are no runs", () => {
    expect(textOf(renderToString(h(ResultsLog, { results: [] })))).toBe("No runs yet.");
  });
});

describe("the degraded status", () => {
  test("has its own colour, icon and word in the status badge", () => {
    const html = renderToString(h(StatusBadge, { status: "degraded" }));
    expect(html).toContain("bg-degraded");
    expect(textOf(html)).toBe("Degraded");
    expect(getStatusLabel("degraded")).toBe("Degraded");
    // A shape of its own, so it reads apart from "late" (also amber) without colour.
    const icon = /<path d="([^"]+)"/.exec(html)![1];
    expect(renderToString(h(StatusBadge, { status: "grace" }))).not.toContain(icon);
  });

  test("is counted in the project summary", () => {
    const counts = { up: 2, degraded: 1, grace: 0, down: 0, paused: 0, new: 0, started: 0 };
    const html = renderToString(h(ProjectStatusSummary, { summary: { checkCount: 3, counts } }));
    expect(textOf(html)).toBe("3 checks 1 degraded 2 up");
    expect(html).toContain("bg-degraded");
  });

  test("names flips to and from it in the event log, in amber", () => {
    const html = renderToString(
      h(EventLog, {
        tz: "UTC",
        checkCode: "c",
        events: [
          { type: "flip", at: hoursAgo(1).getTime(), oldStatus: "degraded", newStatus: "up", reason: "" },
          { type: "flip", at: hoursAgo(2).getTime(), oldStatus: "up", newStatus: "degraded", reason: "" },
        ],
      }),
    );
    expect(textOf(html)).toContain("Status changed from degraded to up");
    expect(textOf(html)).toContain("Status changed from up to degraded");
    expect(html.match(/bg-degraded/g)).toHaveLength(1);
  });

  test("shows a probe run's verdict and summary, a degraded run in amber", () => {
    const html = renderToString(
      h(EventLog, {
        tz: "UTC",
        checkCode: "c",
        events: [
          probePing(3, "success", "degraded: median round trip time exceeded threshold"),
          probePing(2, "fail", "down: HTTP 500"),
          probePing(1, "success", "HTTP 200 in 12.3 ms"),
        ],
      }),
    );
    const text = textOf(html);
    expect(text).toContain("Probe run: degraded · #3 · Probe (local) degraded: median round trip time exceeded threshold");
    expect(text).toContain("Probe run: down · #2 · Probe (local) down: HTTP 500");
    expect(text).toContain("Probe run: healthy · #1 · Probe (local) HTTP 200 in 12.3 ms");
    expect(html.match(/bg-degraded/g)).toHaveLength(1);
  });

  test("a multi-region round's ping reads as the round's verdict", () => {
    const ROUND_UA = "Vigil probe (3 regions)";
    const text = textOf(
      renderToString(
        h(EventLog, {
          tz: "UTC",
          checkCode: "c",
          events: [
            probePing(3, "success", "down in eu-west; up in local, ap-south", ROUND_UA),
            probePing(2, "fail", "down in local, eu-west (quorum 2 of 3); up in ap-south", ROUND_UA),
            probePing(1, "success", "up in local, eu-west; no data from ap-south", ROUND_UA),
          ],
        }),
      ),
    );
    expect(text).toContain("Probe round: degraded · #3 · Probe (3 regions) down in eu-west; up in local, ap-south");
    expect(text).toContain("Probe round: down · #2");
    expect(text).toContain("Probe round: healthy · #1");
  });
});

describe("RowChannelSwitches", () => {
  const channels: RowChannel[] = [
    { code: "a", label: "ops@example.org", kindLabel: "Email", icon: "email", disabled: false },
    { code: "b", label: "Deploy hook", kindLabel: "Webhook", icon: "webhook", disabled: true },
  ];

  test("gives members one labelled switch per channel, on where it notifies", () => {
    const html = renderToString(h(RowChannelSwitches, { checkName: "Backup", channels, enabled: ["a"], onToggle: async () => null }));
    expect(html).toMatch(/role="switch" aria-checked="true" aria-label="Email: ops@example.org"/);
    expect(html).toMatch(/role="switch" aria-checked="false" aria-label="Webhook: Deploy hook \(disabled after delivery errors\)"/);
    expect(html).toContain('aria-label="Integrations of Backup"');
  });

  test("shows read-only members the state in words, with nothing to press", () => {
    const html = renderToString(h(RowChannelSwitches, { checkName: "Backup", channels, enabled: ["b"] }));
    expect(html).not.toContain("<button");
    expect(textOf(html)).toBe("Email: ops@example.org: off Webhook: Deploy hook (disabled after delivery errors): on");
  });

  test("renders nothing when the project has no channels", () => {
    expect(renderToString(h(RowChannelSwitches, { checkName: "Backup", channels: [], enabled: [] }))).toBe("");
  });
});

describe("ProbeResultSummary", () => {
  const timings = { dns_ms: 1, connect_ms: 2, tls_ms: null, ttfb_ms: 10, total_ms: 20 };
  test("gives a run's verdict, round trip, status and where the time went", () => {
    const html = renderToString(
      h(ProbeResultSummary, {
        heading: "Test result",
        result: { status: "healthy", rtt_ms: 20, http_status: 200, error: null, notice: null, resolved_ip: "127.0.0.1", attempts: [{ rtt_ms: 20, error: null, timings }] },
      }),
    );
    expect(html).toContain('aria-label="Test result"');
    expect(textOf(html)).toContain("Test result Healthy 20.0 ms HTTP 200 127.0.0.1");
    expect(textOf(html)).toContain("Time to first byte 10.0 ms");
  });

  test("shows why a run is down with the failed attempt's timings", () => {
    const failed = { rtt_ms: 5, error: "connect ECONNREFUSED", timings: { ...timings, ttfb_ms: null, total_ms: 5 } };
    const html = renderToString(
      h(ProbeResultSummary, {
        heading: "Last run",
        result: { status: "down", rtt_ms: 12, http_status: null, error: "connect ECONNREFUSED", notice: null, resolved_ip: null, attempts: [{ rtt_ms: 20, error: null, timings }, failed] },
      }),
    );
    expect(textOf(html)).toContain("Last run Down 12.0 ms connect ECONNREFUSED Timings total 5.00 ms");
  });
});

describe("ProbeForm", () => {
  test("shows the given fields with their values, a Test button and the save button", () => {
    const html = renderToString(
      h(ProbeForm, {
        type: "tcp",
        fields: [
          { name: "address", label: "Address", type: "text" },
          { name: "tls", label: "Use TLS", type: "checkbox" },
        ],
        initial: { address: "db:5432", tls: "on", name: "Database" },
        saveAction: async () => ({}),
        testAction: async () => ({}),
        submitLabel: "Save check",
        withName: true,
      }),
    );
    expect(html).toMatch(/<input type="hidden" name="type" value="tcp"\/>/);
    expect(html).toMatch(/name="address"[^>]*value="db:5432"/);
    expect(html).toMatch(/type="checkbox"[^>]*name="tls"[^>]*checked=""/);
    expect(html).toMatch(/name="name"[^>]*value="Database"/);
    expect(textOf(html)).toContain("Save check Test");
  });
});

describe("RegionTable", () => {
  test("shows each region's last run and hour median, and notes the regions no agent covers", () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const text = textOf(
      renderToString(
        h(RegionTable, {
          quorum: 2,
          now,
          regions: [
            { region: "local", last: { status: "healthy", rttMs: 12.3, date: now }, p50Ms: 11, runs: 60, isSilent: false, lastSeenAt: null },
            { region: "eu-west", last: { status: "down", rttMs: 5000, date: now }, p50Ms: null, runs: 60, isSilent: false, lastSeenAt: now },
            { region: "ap-south", last: null, p50Ms: null, runs: 0, isSilent: true, lastSeenAt: new Date(now.getTime() - 7 * 60_000) },
          ],
        }),
      ),
    );
    expect(text).toContain("Down when 2 of 3 regions fail in the same round");
    expect(text).toMatch(/local\s*Healthy\s*12\.3 ms\s*11\.0 ms/);
    expect(text).toMatch(/eu-west\s*Down\s*5\.00 s\s*—/);
    expect(text).toMatch(/ap-south\s*No runs yet/);
    expect(text).toContain("ap-south: no agent has reported for 7 minutes — counted as no data");
  });
});
