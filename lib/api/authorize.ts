import type { Actor } from "../auth/actor";
import type { Project } from "../db";
import { AppError } from "../errors";
import { findProjectByApiKey } from "../projects/keys";
import { readJsonBody } from "./read-json-body";

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
