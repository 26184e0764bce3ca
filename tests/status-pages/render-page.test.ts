// The HTML page, history, feeds and badge of a page with known data: what a visitor reads,
// what stays out of it, and how much it weighs.
import { expect, test } from "vitest";
import { renderAtomFeed, renderRssFeed } from "../../lib/status-pages/feeds";
import { renderPageBadgeJson, renderPageBadgeSvg } from "../../lib/status-pages/page-badge";
import { renderHistoryPage, renderStatusPage } from "../../lib/status-pages/render-page";
import { sampleSnapshot } from "./sample-page";

const opts = { basePath: "/status/acme" };

test("the page says the overall state, the components' states and the active incident first", () => {
  const html = renderStatusPage(sampleSnapshot(), opts);
  expect(html).toContain("Partial System Outage");
  expect(html).toContain("Major outage");
  expect(html).toContain("Degraded performance");
  expect(html).toContain("Under maintenance");
  const active = html.indexOf("API errors");
  const components = html.indexOf("h-comps");
  expect(active).toBeGreaterThan(0);
  expect(active).toBeLessThan(components);
  // In-progress maintenance is at the top too; upcoming maintenance below the components.
  expect(html.indexOf("Network work")).toBeLessThan(components);
  expect(html.indexOf("Database upgrade")).toBeGreaterThan(components);
  // The resolved incident of 5 days ago is among the past incidents.
  expect(html.indexOf('id="incident-inc-old"')).toBeGreaterThan(html.indexOf("h-past"));
  expect(html).toContain('href="/status/acme/history"');
});

test("text from the database is escaped", () => {
  const html = renderStatusPage(sampleSnapshot(), opts);
  expect(html).toContain("Service &lt;3&gt; &amp; co");
  expect(html).not.toContain("<3>");
  expect(html).toContain("We are looking into &lt;errors&gt;.");
  expect(html).toContain("A bad deploy.<br>Rolling back.");
});

test("each bar is one labelled image of 90 day cells, with no links", () => {
  const html = renderStatusPage(sampleSnapshot({ components: 3 }), opts);
  const bars = html.match(/<div class=bar role=img aria-label="[^"]+">.*?<\/div>/g) ?? [];
  expect(bars).toHaveLength(3);
  for (const bar of bars) {
    expect(bar.match(/<i /g)).toHaveLength(90);
    expect(bar).not.toContain("<a ");
  }
  expect(bars[0]).toContain("30 without data");
  // Days before the check had data are grey "no data", never green.
  expect(bars[0]).toContain('<i class=n title="2026-08-23 · no data">');
});

test("a component without uptime data shows 90 grey days", () => {
  const html = renderStatusPage(sampleSnapshot({ components: 4 }), opts);
  const bars = html.match(/<div class=bar role=img aria-label="[^"]+">.*?<\/div>/g) ?? [];
  expect(bars[3].match(/<i class=n /g)).toHaveLength(90);
  expect(bars[3]).toContain("last 90 days: no data");
});

test("the head links the feeds, the theme follows the page's setting", () => {
  const snapshot = sampleSnapshot();
  let html = renderStatusPage(snapshot, opts);
  expect(html).toContain('<link rel=alternate type="application/atom+xml"');
  expect(html).toContain('href="/status/acme/history.rss"');
  expect(html).toContain("prefers-color-scheme:dark");
  expect(html).toContain("<html lang=en><head>");
  html = renderStatusPage({ ...snapshot, page: { ...snapshot.page, theme: "dark" } }, opts);
  expect(html).toContain("<html lang=en data-theme=dark>");
});

test("the subscribe forms post to the page's subscribe path", () => {
  const html = renderStatusPage(sampleSnapshot(), opts);
  expect(html.match(/<form method=post action="\/status\/acme\/subscribe">/g)).toHaveLength(2);
  expect(html).toContain("name=email");
  expect(html).toContain("name=webhook_url");
  const onDomain = renderStatusPage(sampleSnapshot(), { basePath: "" });
  expect(onDomain).toContain('action="/subscribe"');
  expect(onDomain).toContain('href="/history"');
});

test("a page of 10 components and a few incidents weighs at most 60 KB", () => {
  const html = renderStatusPage(sampleSnapshot({ components: 10 }), opts);
  expect(Buffer.byteLength(html)).toBeLessThanOrEqual(60 * 1024);
});

test("the page carries no script", () => {
  expect(renderStatusPage(sampleSnapshot(), opts)).not.toMatch(/<script/i);
});

test("the history page lists every incident by month with all updates", () => {
  const html = renderHistoryPage(sampleSnapshot(), opts);
  for (const name of ["API errors", "Elevated error rates", "Database upgrade", "Network work"]) expect(html).toContain(name);
  expect(html).toContain("2026-11");
  expect(html).toContain("A fix is out.");
});

test("the feeds list incidents and maintenances with their updates", () => {
  const snapshot = sampleSnapshot();
  const atom = renderAtomFeed(snapshot);
  expect(atom).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<feed /);
  expect(atom.match(/<entry>/g)).toHaveLength(4);
  expect(atom).toContain("<title>API errors</title>");
  expect(atom).toContain("We are looking into &amp;lt;errors&amp;gt;.");
  expect(atom).toContain('href="https://vigil.example/status/acme/history.atom"');
  const rss = renderRssFeed(snapshot);
  expect(rss.match(/<item>/g)).toHaveLength(4);
  expect(rss).toContain("<guid isPermaLink=\"false\">inc-api</guid>");
});

test("the badge tells the page's state", () => {
  const { status } = sampleSnapshot();
  expect(JSON.parse(renderPageBadgeJson("Acme", status))).toEqual({
    schemaVersion: 1,
    label: "Acme",
    message: "partial system outage",
    color: "orange",
  });
  const svg = renderPageBadgeSvg("Acme & Co", status);
  expect(svg).toContain("Acme &amp; Co");
  expect(svg).toContain("partial system outage");
  expect(svg).toContain("#fe7d37");
});
