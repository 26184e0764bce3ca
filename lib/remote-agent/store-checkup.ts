// `vigil check --store`: Checkup's runs posted to a server as an agent's results. A Checkup
// checker has no check UUID and the protocol's assignment carries no check names, so a checker
// is matched to the agent's assigned checks by what it probes: the same probe type and target
// (http: the URL; tcp and tls: host:port; dns: the name and name server). Every assigned check
// probing that target gets the result (each its own id, on its own grid); a checker matching
// none, and every exec checker (the server has no exec probes), is reported as not stored.
import { randomUUID } from "node:crypto";
import { AGENT_MAX_BATCH, type AgentAssignment, type AgentResult, type AssignedCheck } from "../agents/protocol-v1";
import type { CheckupRun } from "../probes/checkup";
import { getRoundStart } from "../probes/schedule";
import type { ProbeConfig } from "../probes/types";
import { resolveAgentConnection } from "./cli";
import { AgentAuthError, AgentClient, getRegionMismatch } from "./client";
import { toWireResult } from "./run-agent";

/** What a probe watches, comparable between a checker and a check: "http https://example.org/". */
export function getProbeTarget(config: ProbeConfig): string {
  switch (config.type) {
    case "http": {
      try {
        return `http ${new URL(config.url).href}`;
      } catch {
        return `http ${config.url}`;
      }
    }
    case "tcp":
    case "tls":
      return `${config.type} ${config.address.toLowerCase()}`;
    case "dns":
      return `dns ${config.hostname.toLowerCase().replace(/\.$/, "")} @${config.server || "system"}`;
  }
}

export interface CheckupMatch {
  run: CheckupRun;
  /** Assigned checks probing the checker's target; empty = not stored. */
  checks: AssignedCheck[];
}

/** Pairs each run with the assigned checks that probe the same target. */
export function matchCheckupRuns(runs: readonly CheckupRun[], assigned: readonly AssignedCheck[]): CheckupMatch[] {
  const byTarget = new Map<string, AssignedCheck[]>();
  for (const check of assigned) {
    const key = getProbeTarget(check.probe);
    byTarget.set(key, [...(byTarget.get(key) ?? []), check]);
  }
  return runs.map((run) => ({ run, checks: run.checker.kind === "probe" ? (byTarget.get(getProbeTarget(run.checker.config)) ?? []) : [] }));
}

/**
 * Posts the runs that match assigned checks, as `assignment`'s agent, and returns lines for the
 * user: one per checker not stored, then a summary. Throws AgentAuthError / AgentUnavailableError
 * (nothing is queued: a one-shot run has no disk queue; the command reports and exits 1).
 */
export async function storeCheckupRuns(client: AgentClient, assignment: AgentAssignment, runs: readonly CheckupRun[]): Promise<string[]> {
  const lines: string[] = [];
  const results: AgentResult[] = [];
  for (const { run, checks } of matchCheckupRuns(runs, assignment.checks)) {
    const { checker, result } = run;
    if (checks.length === 0) {
      const what = checker.kind === "exec" ? "exec checkers have no server check" : `no check of region ${assignment.agent.region} assigned to this agent probes ${getProbeTarget(checker.config)}`;
      lines.push(`not stored: "${checker.title}": ${what}`);
      continue;
    }
    for (const check of checks) {
      results.push({
        id: randomUUID(),
        check: check.id,
        due: getRoundStart(check.id, check.probe.interval * 1000, result.date.getTime()),
        result: toWireResult({ ...result, region: assignment.agent.region }),
      });
    }
  }
  let accepted = 0;
  let duplicates = 0;
  for (let i = 0; i < results.length; i += AGENT_MAX_BATCH) {
    const answer = await client.postResults({ results: results.slice(i, i + AGENT_MAX_BATCH), dropped: 0 });
    accepted += answer.accepted;
    duplicates += answer.duplicates;
    for (const r of answer.rejected) lines.push(`rejected by the server: ${results.find((x) => x.id === r.id)?.check ?? r.id}: ${r.error}`);
  }
  lines.push(`stored ${accepted} of ${results.length} results as agent "${assignment.agent.name}" (${assignment.agent.region})${duplicates ? `, ${duplicates} duplicates` : ""}`);
  return lines;
}

/**
 * `vigil check --store`'s connection: checks the token (and the region, when given) before any
 * checker runs. `post(runs)` asks for the current assignment and stores the runs that match.
 * Throws AgentUsageError for missing flags, Error with the server's message otherwise.
 */
export async function connectCheckupStore(flags: { server?: string; token?: string; region?: string }): Promise<{ post(runs: readonly CheckupRun[]): Promise<string[]> }> {
  const client = new AgentClient(resolveAgentConnection(flags));
  const getAssignment = async () => {
    let assignment: AgentAssignment;
    try {
      assignment = await client.getAssignment();
    } catch (err) {
      if (err instanceof AgentAuthError) throw new Error(`the server refused the token: ${err.message}`);
      throw new Error(`cannot reach the server to store results: ${err instanceof Error ? err.message : String(err)}`);
    }
    const mismatch = getRegionMismatch(assignment, flags.region);
    if (mismatch) throw new Error(mismatch);
    return assignment;
  };
  await getAssignment();
  return {
    post: async (runs) => {
      const assignment = await getAssignment();
      try {
        return await storeCheckupRuns(client, assignment, runs);
      } catch (err) {
        throw new Error(`results not stored: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  };
}
