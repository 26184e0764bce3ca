import { findCheck, findCheckByUniqueKey } from "../../checks/find-check";
import { formatIso } from "../../compat/python";
import { getDb } from "../../db";
import { authorize } from "../authorize";
import { parseFlipsFilters } from "../parse-flips-filters";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/**
 * GET checks/<uuid>/flips/ and checks/<unique_key>/flips/: status changes, newest first, as
 * {"timestamp", "up"} where pauses count as not up. Filters: start, end, seconds.
 */
export async function listFlipsHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "read");
  const { check } = ctx.params.code
    ? await findCheck({ actor, checkCode: ctx.params.code })
    : await findCheckByUniqueKey({ actor, uniqueKey: ctx.params.uniqueKey });
  const filters = parseFlipsFilters(new URL(req.url).searchParams);
  const since = filters.seconds === undefined ? undefined : new Date(Date.now() - filters.seconds * 1000);
  const createdAt = {
    // Both start and seconds may be given; the later bound wins, as chained filters would.
    ...(filters.start || since ? { gte: new Date(Math.max(filters.start?.getTime() ?? 0, since?.getTime() ?? 0)) } : {}),
    ...(filters.end ? { lt: filters.end } : {}),
  };
  const flips = await getDb().flip.findMany({
    where: { checkId: check.id, createdAt },
    orderBy: { id: "desc" },
    select: { createdAt: true, newStatus: true },
  });
  return jsonResponse({
    flips: flips.map((f) => ({ timestamp: formatIso(f.createdAt), up: f.newStatus === "up" ? 1 : 0 })),
  });
}
