// Where every probe run enters the ping path, from the server's prober and from remote agents.
// A check probed from one region records each run as a ping (recordProbeResult), as it always
// has. A multi-region check stores each run as part of its scheduled round, without a ping; the
// round's verdict, once decided (lib/pings/decide-probe-round.ts), becomes the one ping.
import { getDb } from "../db";
import { isUniqueViolation } from "../errors";
import type { ProbeConfig, ProbeResult } from "../probes/types";
import { getProbeResultData, type ProbeResultRow } from "../store/probe-result-row";
import { decideProbeRound, getMultiRegionConfig } from "./decide-probe-round";
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
  /**
   * The check's probe as the caller just read it (the prober's claim): a probe of one region
   * then needs no lookup here. Absent: read from the check.
   */
  probe?: ProbeConfig;
}

const OK: PingResult = { status: 200, body: "OK" };
const NOT_FOUND: PingResult = { status: 404, body: "not found" };

/** The run with its round and agent fields, as both paths store it. */
function toRow(item: SubmittedProbeResult): ProbeResultRow {
  // The replay guard (agent_id, result_key) and the agents page's runs per minute read them.
  return {
    ...item.result,
    round: item.round,
    agentId: item.agentId ?? null,
    resultKey: item.resultKey ?? null,
    receivedAt: item.receivedAt ?? null,
  };
}

/** A one-region run: a ping and its probe_results row. */
function recordAlone(item: SubmittedProbeResult): Promise<PingResult> {
  return recordProbeResult({ checkCode: item.checkCode, result: toRow(item) });
}

async function submitOne(item: SubmittedProbeResult): Promise<PingResult> {
  if (item.probe && item.probe.regions.length <= 1) return recordAlone(item);
  const db = getDb();
  const check = await db.check.findUnique({ where: { code: item.checkCode }, select: { id: true, probe: true } });
  if (!check) return NOT_FOUND;
  const config = getMultiRegionConfig(check.probe);
  if (!config) return recordAlone(item);
  try {
    await db.probeResult.create({ data: getProbeResultData(check.id, toRow(item)) });
  } catch (err) {
    // A replayed result (same agent, same result key) is stored already: accept it again.
    if (!isUniqueViolation(err)) throw err;
  }
  await decideProbeRound({ id: check.id, code: item.checkCode, config }, item.round);
  return OK;
}

/**
 * Records runs; resolves once each is committed (or refused: 404 for a deleted check). A run of
 * a multi-region check is committed as a probe_results row of its round; the round is decided
 * here when this run completes it, else by the prober's sweep after its deadline.
 */
export async function submitProbeResults(items: readonly SubmittedProbeResult[]): Promise<PingResult[]> {
  return Promise.all(items.map(submitOne));
}
