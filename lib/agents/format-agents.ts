// How agents read, in `vigil agent list` and on the agents page. Pure: the page's components
// import it.
import { formatTextTable } from "../format";
import type { AgentRow } from "./queries";

/** "12s ago", "5m ago", "3h ago", or "never". */
export function formatSeenAgo(date: Date | null, now: Date): string {
  if (!date) return "never";
  const s = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  if (s < 120) return `${s}s ago`;
  if (s < 7200) return `${Math.round(s / 60)}m ago`;
  return `${Math.round(s / 3600)}h ago`;
}

/** The agent's clock against the server's: "+1.2 s" (ahead), "-0.3 s" (behind), "-" before it was seen. */
export function formatSkew(ms: number | null): string {
  if (ms === null) return "-";
  return `${ms >= 0 ? "+" : "-"}${(Math.abs(ms) / 1000).toFixed(1)} s`;
}

/** "live", "stale" (silent three polls or never seen) or "revoked". */
export function getAgentState(row: Pick<AgentRow, "revokedAt" | "isStale">): "live" | "stale" | "revoked" {
  return row.revokedAt ? "revoked" : row.isStale ? "stale" : "live";
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
    formatSeenAgo(r.lastSeenAt, now),
    formatSkew(r.clockSkewMs),
    String(r.runsPerMinute),
    String(r.checksAssigned),
    String(r.droppedResults),
    getAgentState(r),
  ]);
  return formatTextTable(head, lines);
}
