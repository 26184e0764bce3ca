// The eight Statuspage v2 documents of a page with known data, compared field by field with
// fixtures (tests/status-pages/fixtures/<document>.json). Regenerate after an intended change
// with UPDATE_STATUSPAGE_FIXTURES=1 and review the diff.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { buildStatuspageDocument, formatIsoOffset, STATUSPAGE_DOCUMENTS } from "../../lib/status-pages/statuspage-json";
import { sampleSnapshot } from "./sample-page";

const dir = path.join(__dirname, "fixtures");

test.each(STATUSPAGE_DOCUMENTS)("%s.json matches Statuspage's shape for the sample page", (name) => {
  const doc = buildStatuspageDocument(sampleSnapshot(), name);
  const file = path.join(dir, `${name.replace("/", "--")}.json`);
  if (process.env.UPDATE_STATUSPAGE_FIXTURES === "1") fs.writeFileSync(file, JSON.stringify(doc, null, 2) + "\n");
  expect(doc).toEqual(JSON.parse(fs.readFileSync(file, "utf8")));
});

test("an unknown document is null", () => {
  expect(buildStatuspageDocument(sampleSnapshot(), "pages")).toBeNull();
});

test.each([
  ["2026-11-20T12:00:00.000Z", "Europe/Berlin", "2026-11-20T13:00:00.000+01:00"],
  ["2026-07-01T12:00:00.123Z", "Europe/Berlin", "2026-07-01T14:00:00.123+02:00"],
  ["2026-11-20T12:00:00.000Z", "America/Los_Angeles", "2026-11-20T04:00:00.000-08:00"],
  ["2026-11-20T12:00:00.000Z", "Asia/Kolkata", "2026-11-20T17:30:00.000+05:30"],
  ["2026-11-20T12:00:00.000Z", "UTC", "2026-11-20T12:00:00.000+00:00"],
  ["2026-11-20T12:00:00.000Z", "Not/AZone", "2026-11-20T12:00:00.000+00:00"],
])("timestamps carry the page zone's offset: %s in %s", (iso, zone, expected) => {
  expect(formatIsoOffset(new Date(iso), zone)).toBe(expected);
});

const ISO_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/;

test("summary.json passes a strict consumer's checks", () => {
  // `any` is fine here: the test walks the document as untyped JSON, as a consumer would.
  const doc = buildStatuspageDocument(sampleSnapshot(), "summary") as Record<string, any>;
  expect(Object.keys(doc)).toEqual(["page", "components", "incidents", "scheduled_maintenances", "status"]);
  expect(Object.keys(doc.page)).toEqual(["id", "name", "url", "time_zone", "updated_at"]);
  expect(doc.page.url).toBe("https://vigil.example/status/acme");
  expect(["none", "minor", "major", "critical"]).toContain(doc.status.indicator);
  const stamps: string[] = [];
  const walk = (v: unknown, key = "") => {
    if (Array.isArray(v)) v.forEach((x) => walk(x));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
    else if (typeof v === "string" && /_at$|_for$|_until$/.test(key)) stamps.push(v);
  };
  walk(doc);
  expect(stamps.length).toBeGreaterThan(10);
  for (const s of stamps) expect(s).toMatch(ISO_OFFSET);
  for (const c of doc.components) {
    expect(["operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance"]).toContain(c.status);
    expect(c.group).toBe(Array.isArray(c.components));
  }
  const groups = doc.components.filter((c: { group: boolean }) => c.group);
  expect(groups.map((g: { name: string }) => g.name)).toEqual(["Backend", "Jobs"]);
  for (const g of groups) {
    for (const id of g.components) expect(doc.components.find((c: { id: string }) => c.id === id).group_id).toBe(g.id);
  }
});
