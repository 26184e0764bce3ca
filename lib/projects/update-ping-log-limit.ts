import { userActor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { getDb, type Project } from "../db";
import { AppError } from "../errors";
import { getMaxPingLogLimit } from "./get-max-ping-log-limit";

/**
 * Sets how many pings each of the project's checks keeps (Healthchecks' ping_log_limit).
 * Owners and managers only: it decides how much history the whole team loses. Older pings go at
 * each check's next 100th ping, or with `vigil prune pings`. Accepts the raw form value; throws
 * AppError("bad_request") unless it is a whole number from 1 to getMaxPingLogLimit(), and
 * AppError on access.
 */
export async function updatePingLogLimit(userId: number, projectCode: string, value: string | number): Promise<Project> {
  const { project } = await requireProjectAccess(userActor(userId), projectCode, "manage");
  const max = getMaxPingLogLimit();
  const text = String(value).trim();
  const limit = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(limit >= 1 && limit <= max)) {
    throw new AppError("bad_request", `Keep between 1 and ${max.toLocaleString("en-US")} pings per check.`);
  }
  return getDb().project.update({ where: { id: project.id }, data: { pingLogLimit: limit } });
}
