import { userActor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import { recordPing } from "../pings/record-ping";
import type { PingResult } from "../pings/types";

/**
 * The details page's "Ping now": a success ping through the real ping path, recorded like
 * Healthchecks' UI does it (scheme "http", no method, user agent "Dashboard"), so filters,
 * manual resume and flips behave exactly as for a real ping. Throws AppError on access.
 */
export async function pingCheckAsUser(userId: number, checkCode: string, remoteAddr: string | null): Promise<PingResult> {
  const { check } = await requireCheckAccess(userActor(userId), checkCode, "write");
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
