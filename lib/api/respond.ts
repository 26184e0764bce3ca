// Response builders for the management API. Bodies and content types follow Healthchecks'
// views (JsonResponse, empty 403/404/405, plain-text 409) because clients match on them,
// which is why this API does not use the app's { error: { code, message } } envelope.
import type { AppError } from "../errors";
import { toPythonJson } from "../compat/python";

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
