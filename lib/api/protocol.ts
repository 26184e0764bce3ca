// How the management API talks, as Healthchecks' hc/api views do: API keys (X-Api-Key, or
// "api_key" in a POST body), JSON bodies, and answers with Django's exact bodies and content
// types (JsonResponse, empty 403/404/405, plain-text 409), because clients match on them. That
// is why this API does not use the web app's { error: { code, message } } envelope.
import type { Actor } from "../auth/actor";
import { toPythonJson } from "../compat/python";
import type { ApiVersion } from "../checks/to-dict";
import type { Project } from "../db";
import { AppError } from "../errors";
import { findProjectByApiKey } from "../projects/keys";

export type { ApiVersion };

export interface ApiContext {
  /** From the /api/v{N}/ prefix; changes status reporting, auto-slugs and URLs in responses. */
  version: ApiVersion;
  /** Path parameters captured by the router (code, uniqueKey, n). */
  params: Record<string, string>;
}

export type ApiHandler = (req: Request, ctx: ApiContext) => Promise<Response>;

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(toPythonJson(body), { status, headers: { "Content-Type": "application/json" } });
}

export function textResponse(body: string | Uint8Array<ArrayBuffer>, status = 200, contentType = "text/plain; charset=utf-8"): Response {
  return new Response(body, { status, headers: { "Content-Type": contentType } });
}

export function emptyResponse(status: number): Response {
  return new Response(null, { status });
}

/** An AppError as Healthchecks would answer it: {"error": msg}, plain text for 409, or empty. */
export function errorResponse(err: AppError): Response {
  if (err.message === "") return emptyResponse(err.status);
  if (err.code === "conflict") return textResponse(err.message, err.status);
  return jsonResponse({ error: err.message }, err.status);
}

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

/**
 * The POST body as a JSON object, {} when empty (Healthchecks ignores Content-Type). Throws
 * AppError("bad_request") with Healthchecks' messages for invalid UTF-8 or JSON and for JSON
 * that is not an object.
 */
export async function readJsonBody(req: Request): Promise<Record<string, unknown>> {
  const bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("bad_request", "could not parse request body");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new AppError("bad_request", "json validation error: value is not an object");
  }
  return parsed as Record<string, unknown>;
}

export interface ApiAuth {
  /** The key as the actor of the verbs the handler calls. */
  actor: Actor;
  project: Project;
  readOnly: boolean;
  /** The parsed POST body ({} for other methods). */
  json: Record<string, unknown>;
}

/**
 * Authenticates an API request by project API key (Healthchecks' authorize/authorize_read).
 * The key comes from X-Api-Key; write endpoints also accept "api_key" in a POST body, which is
 * parsed first, so body errors win over key errors as in Healthchecks. A key that is not 32
 * characters is "missing"; an unknown key, or a read-only key on a write endpoint, is
 * "wrong". Throws AppError("bad_request" | "unauthorized").
 */
export async function authorize(req: Request, access: "read" | "write"): Promise<ApiAuth> {
  const json = req.method === "POST" ? await readJsonBody(req) : {};
  let key = req.headers.get("X-Api-Key");
  if (key === null && access === "write") {
    key = typeof json.api_key === "string" ? json.api_key : "";
  }
  if (key === null || key.length !== 32) throw new AppError("unauthorized", "missing api key");
  const found = await findProjectByApiKey(key);
  if (!found || (found.readOnly && access === "write")) throw new AppError("unauthorized", "wrong api key");
  return { actor: { type: "apiKey", ...found }, ...found, json };
}
