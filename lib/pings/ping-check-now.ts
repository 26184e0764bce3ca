import type { Actor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import { recordPing } from "./record-ping";
import type { PingResult } from "./types";

export interface PingCheckNowOptions {
  actor: Actor;
  checkCode: string;
  /** The address of the person who clicked, recorded as the ping's source. */
  remoteAddr: string | null;
}

/**
 * The details page's "Ping now": a success ping through the one ping write path, recorded as
 * Healthchecks' UI records it (scheme "http", no method, user agent "Dashboard"), so filters,
 * manual resume and flips behave exactly as for a real ping. Throws AppError on access (see
 * requireCheckAccess). The ping's own transaction is recordPing's group commit, which is why
 * this verb takes no `tx`.
 */
export async function pingCheckNow({ actor, checkCode, remoteAddr }: PingCheckNowOptions): Promise<PingResult> {
  const { check } = await requireCheckAccess(actor, checkCode, "write");
  return recordPing({
    target: { code: check.code },
    action: "success",
    exitStatus: null,
    rid: null,
    scheme: "http",
    remoteAddr,
    method: "",
    ua: "Dashboard",
    body: null,
    receivedAt: Date.now(),
  });
}
