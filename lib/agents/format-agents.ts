// `vigil agent list` as text: one line per agent, in columns.
import type { AgentRow } from "./queries";

function ago(date: Date | null, now: Date): string {
  if (!date) return "never";
  const s = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  if (s < 120) return `${s}s ago`;
  if (s < 7200) return `${Math.round(s / 60)}m ago`;
  return `${Math.round(s / 3600)}h ago`;
}

/** The agents as a table with a header line; "No agents." when there are none. */
export function formatAgentsTable(rows: readonly AgentRow[], now = new Date()): string {
  if (rows.length === 0) return "No agents.";
  const head = ["ID", "REGION", "NAME", "VERSION", "ADDRESS", "LAST SEEN", "SKEW", "RUNS/MIN", "CHECKS", "DROPPED", "STATE"];
  const lines = rows.map((r) => [
    r.code,
    r.region,
    r.name || "-",
    r.version || "-",
    r.address || "-",
    ago(r.lastSeenAt, now),
    r.clockSkewMs === null ? "-" : `${(r.clockSkewMs / 1000).toFixed(1)}s`,
    String(r.runsPerMinute),
    String(r.checksAssigned),
    String(r.droppedResults),
    r.revokedAt ? "revoked" : r.isStale ? "stale" : "live",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  return [head, ...lines].map((l) => l.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd()).join("\n");
}
