import { AppError } from "../errors";

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
