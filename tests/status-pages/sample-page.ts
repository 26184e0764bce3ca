// A status page with known data (codes, times, statuses), built without a database, for the
// renderer, JSON fixture and size tests.
import { buildSnapshot, type PageSnapshot, type SnapshotInput } from "../../lib/status-pages/snapshot";
import type { IncidentRow } from "../../lib/status-pages/statuspage-json";
import type { UptimeBar, UptimeDay } from "../../lib/status-pages/types";

export const NOW = new Date("2026-11-20T12:00:00.000Z");
const T = (iso: string) => new Date(iso);

function bar(seed: number, noDataDays = 0): UptimeBar {
  const days: UptimeDay[] = [];
  const base = Date.parse("2026-11-20T00:00:00Z");
  for (let i = 89; i >= 0; i--) {
    const date = new Date(base - i * 86_400_000).toISOString().slice(0, 10);
    if (89 - i < noDataDays) {
      days.push({ date, uptime: null, knownSeconds: 0, downSeconds: 0, degradedSeconds: 0, maintenanceSeconds: 0, incidents: [] });
      continue;
    }
    const down = (i * 7 + seed) % 23 === 0 ? 600 * ((seed % 3) + 1) : 0;
    days.push({
      date,
      uptime: (86_400 - down) / 86_400,
      knownSeconds: 86_400,
      downSeconds: down,
      degradedSeconds: 0,
      maintenanceSeconds: 0,
      incidents: down ? [{ code: "inc-old", name: "Elevated error rates", impact: "minor" }] : [],
    });
  }
  return { days, uptime: 0.9991 };
}

export interface SampleOptions {
  components?: number;
  withIncidents?: boolean;
}

/** Components c1..cN (c1-c2 ungrouped, the rest in "Backend"/"Jobs"), a few incidents and maintenances. */
export function sampleSnapshotInput(opts: SampleOptions = {}): SnapshotInput {
  const count = opts.components ?? 4;
  const components: SnapshotInput["components"] = [];
  for (let n = 1; n <= count; n++) {
    components.push({
      code: `comp${n}`,
      name: n === 1 ? "Website" : n === 2 ? "API" : `Service <${n}> & co`,
      description: n === 2 ? "Public REST API" : "",
      groupName: n <= 2 ? "" : n % 2 ? "Backend" : "Jobs",
      position: n,
      createdAt: T("2026-01-01T00:00:00Z"),
      updatedAt: T("2026-11-01T00:00:00Z"),
      checkStatus: n === 2 ? "down" : n === 3 ? "degraded" : "up",
      bar: n === 4 ? null : bar(n, n === 1 ? 30 : 0),
    });
  }
  const incidents: IncidentRow[] = [];
  if (opts.withIncidents ?? true) {
    incidents.push(
      {
        code: "inc-api",
        kind: "incident",
        name: "API errors",
        impact: "major",
        scheduledFor: null,
        scheduledUntil: null,
        startedAt: T("2026-11-20T10:00:00Z"),
        monitoringAt: null,
        resolvedAt: null,
        createdAt: T("2026-11-20T10:00:00Z"),
        updatedAt: T("2026-11-20T10:30:00Z"),
        updates: [
          { code: "upd-1", status: "investigating", body: "We are looking into <errors>.", affected: '[{"code":"comp2","name":"API","old_status":"operational","new_status":"major_outage"}]', createdAt: T("2026-11-20T10:00:00Z"), displayAt: T("2026-11-20T10:00:00Z") },
          { code: "upd-2", status: "identified", body: "A bad deploy.\nRolling back.", affected: "[]", createdAt: T("2026-11-20T10:30:00Z"), displayAt: T("2026-11-20T10:30:00Z") },
        ],
        components: [{ status: "major_outage", component: { code: "comp2" } }],
      },
      {
        code: "maint-db",
        kind: "maintenance",
        name: "Database upgrade",
        impact: "maintenance",
        scheduledFor: T("2026-11-22T02:00:00Z"),
        scheduledUntil: T("2026-11-22T04:00:00Z"),
        startedAt: T("2026-11-19T09:00:00Z"),
        monitoringAt: null,
        resolvedAt: null,
        createdAt: T("2026-11-19T09:00:00Z"),
        updatedAt: T("2026-11-19T09:00:00Z"),
        updates: [{ code: "upd-3", status: "scheduled", body: "Upgrading PostgreSQL.", affected: "[]", createdAt: T("2026-11-19T09:00:00Z"), displayAt: T("2026-11-19T09:00:00Z") }],
        components: count >= 3 ? [{ status: "under_maintenance", component: { code: "comp3" } }] : [],
      },
      {
        code: "inc-old",
        kind: "incident",
        name: "Elevated error rates",
        impact: "minor",
        scheduledFor: null,
        scheduledUntil: null,
        startedAt: T("2026-11-15T08:00:00Z"),
        monitoringAt: T("2026-11-15T08:20:00Z"),
        resolvedAt: T("2026-11-15T09:00:00Z"),
        createdAt: T("2026-11-15T08:00:00Z"),
        updatedAt: T("2026-11-15T09:00:00Z"),
        updates: [
          { code: "upd-4", status: "investigating", body: "Investigating.", affected: "[]", createdAt: T("2026-11-15T08:00:00Z"), displayAt: T("2026-11-15T08:00:00Z") },
          { code: "upd-5", status: "monitoring", body: "A fix is out.", affected: "[]", createdAt: T("2026-11-15T08:20:00Z"), displayAt: T("2026-11-15T08:20:00Z") },
          { code: "upd-6", status: "resolved", body: "Resolved.", affected: "[]", createdAt: T("2026-11-15T09:00:00Z"), displayAt: T("2026-11-15T09:00:00Z") },
        ],
        components: [{ status: "partial_outage", component: { code: "comp1" } }],
      },
      {
        code: "maint-now",
        kind: "maintenance",
        name: "Network work",
        impact: "maintenance",
        scheduledFor: T("2026-11-20T11:00:00Z"),
        scheduledUntil: T("2026-11-20T13:00:00Z"),
        startedAt: T("2026-11-18T09:00:00Z"),
        monitoringAt: null,
        resolvedAt: null,
        createdAt: T("2026-11-18T09:00:00Z"),
        updatedAt: T("2026-11-18T09:00:00Z"),
        updates: [{ code: "upd-7", status: "scheduled", body: "Switch replacement.", affected: "[]", createdAt: T("2026-11-18T09:00:00Z"), displayAt: T("2026-11-18T09:00:00Z") }],
        components: count >= 4 ? [{ status: "under_maintenance", component: { code: "comp4" } }] : [],
      },
    );
  }
  return {
    page: {
      code: "pagecode1",
      slug: "acme",
      title: "Acme",
      description: "Acme's services",
      logoUrl: "https://acme.example/logo.png",
      theme: "system",
      timeZone: "Europe/Berlin",
      customDomain: null,
      access: "public",
      updatedAt: T("2026-11-20T10:30:00Z"),
    },
    components,
    incidents,
    now: NOW,
    siteRoot: "https://vigil.example",
  };
}

export function sampleSnapshot(opts: SampleOptions = {}): PageSnapshot {
  return buildSnapshot(sampleSnapshotInput(opts));
}
