import { AppError } from "../errors";
import { emptyResponse, errorResponse } from "./respond";
import type { ApiContext, ApiHandler } from "./types";

type Method = "GET" | "HEAD" | "POST" | "DELETE";

/**
 * Wraps one route's handlers (Healthchecks' @cors view decorator): answers OPTIONS with 204,
 * other unlisted methods with 405, turns AppError into its response (so handlers need no
 * try/catch), and adds the CORS headers to every response. Other errors propagate to the
 * front server, which logs them and answers 500 without details.
 */
export function withApi(handlers: Partial<Record<Method, ApiHandler>>): ApiHandler {
  const allowed = [...Object.keys(handlers), "OPTIONS"].join(", ");
  return async (req: Request, ctx: ApiContext) => {
    let response: Response;
    const handler = Object.hasOwn(handlers, req.method) ? handlers[req.method as Method] : undefined;
    if (req.method === "OPTIONS") {
      response = emptyResponse(204);
    } else if (!handler) {
      response = emptyResponse(405);
    } else {
      try {
        response = await handler(req, ctx);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        response = errorResponse(err);
      }
    }
    response.headers.set("Access-Control-Allow-Origin", "*");
    response.headers.set("Access-Control-Allow-Headers", "X-Api-Key");
    response.headers.set("Access-Control-Allow-Methods", allowed);
    response.headers.set("Access-Control-Max-Age", "600");
    return response;
  };
}
