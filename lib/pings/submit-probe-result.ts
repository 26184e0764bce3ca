// Where every probe run enters the ping path, from the server's prober and from remote agents.
// PLACEHOLDER (issue 12): records each run as recordProbeResult does. The quorum work replaces
// the body: a check probed from one region keeps that path; a multi-region check stores the
// run as part of its round, and the round's verdict (probe_rounds) becomes the one ping.
import type { ProbeResult } from "../probes/types";
import type { ProbeResultRow } from "../store/probe-result-row";
import { recordProbeResult } from "./record-probe-result";
import type { PingResult } from "./types";

export interface SubmittedProbeResult {
  /** The check's UUID. */
  checkCode: string;
  /** One run; `region` says where it ran ("local" for the server's prober). */
  result: ProbeResult;
  /** The scheduled slot the run was for (lib/probes/schedule.ts getRoundStart). */
  round: Date;
  /** The remote agent that ran it; null or absent for the server's prober. */
  agentId?: number | null;
  /** The agent's id of the result (replays carry the same one). */
  resultKey?: string | null;
  /** When the server received it; absent for the server's prober. */
  receivedAt?: Date | null;
}

/** Records runs; resolves once each is committed (or refused: 404 for a deleted check). */
export async function submitProbeResults(items: readonly SubmittedProbeResult[]): Promise<PingResult[]> {
  return Promise.all(
    items.map((item) => {
      // The row carries the round and the agent's fields to probe_results: the replay guard
      // (agent_id, result_key) and the agents page's runs per minute read them.
      const result: ProbeResultRow = {
        ...item.result,
        round: item.round,
        agentId: item.agentId ?? null,
        resultKey: item.resultKey ?? null,
        receivedAt: item.receivedAt ?? null,
      };
      return recordProbeResult({ checkCode: item.checkCode, result });
    }),
  );
}
