import { getDb } from "../db";
import { countFlip } from "../metrics/tallies";
import { updateGoingDown } from "./update-going-down";

/**
 * Looks at the one check whose alert_after passed longest ago (Healthchecks' handle_going_down)
 * and flips it down or moves its alert_after. Returns true if there was such a check, so the
 * caller repeats until it returns false. Throws if the check's status cannot be computed.
 */
export async function findGoingDown(now: Date = new Date()): Promise<boolean> {
  // Served by the alert_after index: down checks have alert_after NULL.
  const check = await getDb().check.findFirst({
    where: { alertAfter: { lt: now }, status: { not: "down" } },
    orderBy: { alertAfter: "asc" },
  });
  if (!check) return false;
  if (await updateGoingDown(check, now)) countFlip("down");
  return true;
}
