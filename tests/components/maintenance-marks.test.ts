// Maintenance as the check's page shows it: runs and pings inside a window are tagged, and a
// flip whose alert the window held says so.
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { EventLog } from "../../components/checks/event-log";
import { ResultsLog } from "../../components/probes/results-log";

const textOf = (html: string) => html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
const NOW = new Date("2026-12-03T12:00:00Z");
const hoursAgo = (n: number) => new Date(NOW.getTime() - n * 3_600_000);

describe("maintenance marks", () => {
  test("the results log tags the runs inside a maintenance window", () => {
    const run = (n: number) => ({ date: hoursAgo(n), region: "local", status: "down" as const, rtt_ms: 3, http_status: null, notice: null, error: "refused" });
    const html = renderToString(h(ResultsLog, { tz: "UTC", results: [run(1), run(3)], maintenance: [{ start: hoursAgo(2), end: hoursAgo(0.5) }] }));
    const rows = html.split("<tr").slice(2).map((row: string) => textOf(`<tr${row}`));
    expect(rows).toEqual(["2026-12-03 11:00:00 UTC local Down maintenance 3.00 ms — refused", "2026-12-03 09:00:00 UTC local Down 3.00 ms — refused"]);
  });

  test("the event log tags pings during maintenance and flips it held", () => {
    const html = renderToString(
      h(EventLog, {
        tz: "UTC",
        checkCode: "c",
        events: [
          { type: "flip", at: hoursAgo(1).getTime(), oldStatus: "up", newStatus: "down", reason: "fail", held: "maintenance" },
          {
            type: "ping",
            at: hoursAgo(1).getTime(),
            n: 2,
            kind: "fail",
            scheme: "http",
            remoteAddr: "203.0.113.1",
            method: "POST",
            ua: "",
            exitStatus: null,
            rid: null,
            durationMs: null,
            bodySize: 0,
            bodyPreview: "",
            failureOf: null,
            maintenance: true,
          },
        ],
      }),
    );
    const text = textOf(html);
    expect(text).toContain("Status changed from up to down (received a failure signal) held (maintenance)");
    expect(text).toContain("Failure maintenance · #2 · HTTP POST from 203.0.113.1");
  });
});
