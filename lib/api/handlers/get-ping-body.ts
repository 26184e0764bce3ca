import { getDb } from "../../db";
import { AppError } from "../../errors";
import { authorize } from "../authorize";
import { findProjectCheck } from "../find-project-check";
import { textResponse } from "../respond";
import type { ApiContext } from "../types";

/** GET checks/<uuid>/pings/<n>/body: the raw bytes; 404 past the log limit or when empty. */
export async function getPingBodyHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { project } = await authorize(req, "write");
  const check = await findProjectCheck(project, ctx.params.code);
  const n = Number(ctx.params.n);
  // Pings older than the log limit may still await pruning; they count as gone.
  if (n <= check.nPings - project.pingLogLimit) throw new AppError("not_found", "");
  const ping = await getDb().ping.findUnique({ where: { checkId_n: { checkId: check.id, n } }, select: { body: true } });
  if (!ping?.body || ping.body.length === 0) throw new AppError("not_found", "");
  return textResponse(new Uint8Array(ping.body), 200, "text/plain");
}
