import type { PingBatchResult } from "../store/ping-store";
import { applyPing, type AppliedPing, type PingCheckRow } from "./apply-ping";
import type { PingInput, PingResult } from "./types";

/**
 * The database side of one ping, inside a transaction the store already opened. Lookups return
 * the check as this transaction sees it (including earlier pings of the same batch).
 */
export interface PingUnitOfWork {
  findCheckByCode(code: string): Promise<PingCheckRow | null>;
  /** At most two matches: two means "ambiguous slug". */
  findChecksBySlug(pingKey: string, slug: string): Promise<PingCheckRow[]>;
  /** `?create=1`: a check named after the slug with all the project's channels, or null when
   * the ping key is unknown or the owner is at twice the check limit (Healthchecks' rule). */
  createCheckForSlug(pingKey: string, slug: string, now: Date): Promise<PingCheckRow | null>;
  save(applied: AppliedPing): Promise<void>;
}

const OK: PingResult = { status: 200, body: "OK" };
const CREATED: PingResult = { status: 201, body: "Created" };
const NOT_FOUND: PingResult = { status: 404, body: "not found" };
const AMBIGUOUS: PingResult = { status: 409, body: "ambiguous slug" };
const BAD_URL: PingResult = { status: 400, body: "invalid url format" };
const BAD_RID: PingResult = { status: 400, body: "invalid uuid format" };

/**
 * Healthchecks' ping and ping_by_slug views, in their order of checks. `applied` is set when the
 * ping was recorded (lib/metrics counts it once the transaction commits).
 */
export async function processPing(
  uow: PingUnitOfWork,
  input: PingInput,
  now: Date,
): Promise<{ result: PingResult; applied?: AppliedPing }> {
  let check: PingCheckRow | null;
  let created = false;
  if ("code" in input.target) {
    check = await uow.findCheckByCode(input.target.code);
    if (!check) return { result: NOT_FOUND };
  } else {
    const { pingKey, slug, create } = input.target;
    if (slug !== slug.toLowerCase()) return { result: BAD_URL };
    const found = await uow.findChecksBySlug(pingKey, slug);
    if (found.length > 1) return { result: AMBIGUOUS };
    check = found[0] ?? null;
    if (!check && create) {
      check = await uow.createCheckForSlug(pingKey, slug, now);
      created = check !== null;
    }
    if (!check) return { result: NOT_FOUND };
  }
  if (input.exitStatus !== null && input.exitStatus > 255) return { result: BAD_URL };
  if (input.invalidRid) return { result: BAD_RID };

  const applied = applyPing(check, input, now);
  await uow.save(applied);
  return { result: created ? CREATED : OK, applied };
}

/** processPing for each input in order, inside the store's one transaction. */
export async function processPings(uow: PingUnitOfWork, inputs: PingInput[], now: Date): Promise<PingBatchResult> {
  const results: PingResult[] = [];
  const recorded: AppliedPing[] = [];
  for (const input of inputs) {
    const { result, applied } = await processPing(uow, input, now);
    results.push(result);
    if (applied) recorded.push(applied);
  }
  return { results, recorded };
}
