import type { FormAction } from "@/components/projects/action-form";
import { ActionForm } from "@/components/projects/action-form";
import { formatSeenAgo, formatSkew, getAgentState } from "@/lib/agents/format-agents";
import type { AgentRow } from "@/lib/agents/queries";

const STATE_STYLE = {
  live: "bg-green-100 text-green-800 dark:bg-green-900/40 dark:text-green-300",
  stale: "bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-300",
  revoked: "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-400",
} as const;

/**
 * The agents page's table (UpTime's workers page, for probes). `revokeActionFor` binds the revoke
 * server action to one agent; revoked agents stay listed, without the button.
 */
export function AgentsTable({ rows, now, revokeActionFor }: { rows: AgentRow[]; now: Date; revokeActionFor: (agentCode: string) => FormAction }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No agents yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500 dark:border-slate-800 dark:text-slate-400">
          <tr>
            {["Region", "Name", "Version", "Address", "Last seen", "Clock skew", "Runs/min", "Checks", "Dropped", ""].map((h) => (
              <th key={h} scope="col" className="px-2 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((r) => {
            const state = getAgentState(r);
            return (
              <tr key={r.code} className="align-top">
                <td className="px-2 py-2 font-mono">{r.region}</td>
                <td className="px-2 py-2">
                  <div>{r.name || <span className="text-slate-400">unnamed</span>}</div>
                  <div className="font-mono text-xs text-slate-500 dark:text-slate-400">{r.code}</div>
                </td>
                <td className="px-2 py-2">{r.version || "-"}</td>
                <td className="px-2 py-2 font-mono">{r.address || "-"}</td>
                <td className="px-2 py-2">
                  <span title={r.lastSeenAt?.toISOString()}>{formatSeenAgo(r.lastSeenAt, now)}</span>{" "}
                  <span className={`ml-1 rounded px-1.5 py-0.5 text-xs font-medium ${STATE_STYLE[state]}`}>{state}</span>
                </td>
                <td className="px-2 py-2 tabular-nums">{formatSkew(r.clockSkewMs)}</td>
                <td className="px-2 py-2 tabular-nums">{r.runsPerMinute}</td>
                <td className="px-2 py-2 tabular-nums">{r.checksAssigned}</td>
                <td className="px-2 py-2 tabular-nums">{r.droppedResults}</td>
                <td className="px-2 py-2">
                  {!r.revokedAt && (
                    <ActionForm
                      action={revokeActionFor(r.code)}
                      submitLabel="Revoke"
                      pendingLabel="Revoking…"
                      variant="danger"
                      confirm={`Revoke ${r.name || r.code}? It stops at its next request.`}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
