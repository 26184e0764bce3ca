import { findCheck } from "../../checks/find-check";
import { getPingDurations } from "../../checks/ping-log";
import { getDb } from "../../db";
import { getEnv } from "../../env";
import { authorize } from "../authorize";
import { formatIsoMicro, JsonFloat } from "../../compat/python";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/** Healthchecks never returns more than this many pings, whatever the project's log limit. */
const MAX_PINGS = 1000;

/** GET checks/<uuid>/pings/ (read-write keys only): newest first, bodies linked, not inlined. */
export async function listPingsHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor, project } = await authorize(req, "write");
  const { check } = await findCheck({ actor, checkCode: ctx.params.code });
  const db = getDb();
  const pings = await db.ping.findMany({
    where: { checkId: check.id },
    orderBy: { n: "desc" },
    take: Math.min(project.pingLogLimit, MAX_PINGS),
    select: { n: true, createdAt: true, kind: true, scheme: true, remoteAddr: true, method: true, ua: true, rid: true },
  });
  // Which pings have a body, without loading up to 1000 bodies just to test them.
  const oldest = pings.at(-1)?.n ?? 0;
  const withBody = await db.$queryRaw<{ n: number | bigint }[]>`
    SELECT n FROM pings WHERE check_id = ${check.id} AND n >= ${oldest} AND length(body) > 0`;
  const hasBody = new Set(withBody.map((r) => Number(r.n)));
  const durations = await getPingDurations(check.id, pings);
  const base = `${getEnv().siteRoot}/api/v${ctx.version}/checks/${check.code}/pings`;

  return jsonResponse({
    pings: pings.map((p) => {
      const duration = durations.get(p.n);
      return {
        type: p.kind ?? "success",
        date: formatIsoMicro(p.createdAt),
        n: p.n,
        scheme: p.scheme,
        remote_addr: p.remoteAddr,
        method: p.method,
        ua: p.ua,
        rid: p.rid,
        ...(duration === undefined ? {} : { duration: new JsonFloat(Math.round(duration / 10) / 100) }),
        body_url: hasBody.has(p.n) ? `${base}/${p.n}/body` : null,
      };
    }),
  });
}
