import { getPingBody } from "../../checks/ping-log";
import { AppError } from "../../errors";
import { authorize } from "../authorize";
import { textResponse } from "../respond";
import type { ApiContext } from "../types";

/**
 * GET checks/<uuid>/pings/<n>/body: the raw bytes; 404 past the log limit, when empty, and for
 * a number no ping can have (the router takes any run of digits).
 */
export async function getPingBodyHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "write");
  const body = await getPingBody({ actor, checkCode: ctx.params.code, n: Number(ctx.params.n), withinLogLimit: true });
  if (!body) throw new AppError("not_found", "");
  return textResponse(new Uint8Array(body), 200, "text/plain");
}
