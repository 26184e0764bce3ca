import { DOWNTIME_PERIODS, getDowntimeSummary, type DowntimePeriod } from "../../checks/downtime";
import { findCheck, findCheckByUniqueKey } from "../../checks/find-check";
import { AppError } from "../../errors";
import { normalizeTimezone } from "../../schedules/normalize-timezone";
import { getTimeZone } from "../../schedules/zoned-time";
import { authorize } from "../authorize";
import { JsonFloat } from "../../compat/python";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

// Two years of months; longer ranges outlive the ~93 days of flips that pruning keeps anyway.
const MAX_COUNT = 24;

/** Python's isoformat() of an aware datetime in `tz`: "2026-03-01T00:00:00+01:00". */
function formatLocalIso(date: Date, tz: string): string {
  const offsetMinutes = getTimeZone(tz).offsetAt(date.getTime()) / 60_000;
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

function parseQuery(query: URLSearchParams): { period: DowntimePeriod; count: number; tz: string } {
  const period = query.get("period") ?? "month";
  if (!(DOWNTIME_PERIODS as readonly string[]).includes(period)) {
    throw new AppError("bad_request", "period must be one of: day, week, month");
  }
  const rawCount = query.get("count") ?? "3";
  const count = /^\d{1,3}$/.test(rawCount) ? Number(rawCount) : NaN;
  if (!(count >= 1 && count <= MAX_COUNT)) {
    throw new AppError("bad_request", `count must be a whole number from 1 to ${MAX_COUNT}`);
  }
  const tz = normalizeTimezone(query.get("tz") ?? "UTC");
  if (tz === null) throw new AppError("bad_request", "tz must be an IANA time zone such as Europe/Riga");
  return { period: period as DowntimePeriod, count, tz };
}

/**
 * GET checks/<uuid>/downtime/ and checks/<unique_key>/downtime/ (a Vigil extension; Healthchecks
 * has no such endpoint): downtime per day, week or month in `tz`, newest first, computed from
 * flips as on the check's details page. Read-only keys are allowed.
 */
export async function getDowntimeHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "read");
  // The check is looked up before the query is parsed: 404/403 win over 400.
  const { check } = ctx.params.code
    ? await findCheck({ actor, checkCode: ctx.params.code })
    : await findCheckByUniqueKey({ actor, uniqueKey: ctx.params.uniqueKey });
  const { period, count, tz } = parseQuery(new URL(req.url).searchParams);
  const records = await getDowntimeSummary({ actor, checkCode: check.code, tz, period, count });
  return jsonResponse({
    downtime: records.map((r) => ({
      start: formatLocalIso(r.start, tz),
      end: formatLocalIso(r.end, tz),
      down_seconds: Math.floor(r.downSeconds),
      outages: r.outages,
      uptime: r.uptime === null ? null : new JsonFloat(r.uptime),
      no_data: r.noData,
    })),
  });
}
