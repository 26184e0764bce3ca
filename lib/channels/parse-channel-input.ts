import { AppError } from "../errors";

/** A create/update channel request body (Vigil's extension of the Healthchecks API). */
export interface ChannelInput {
  kind?: string;
  name?: string;
  /** Validated later against the kind's schema. */
  config?: unknown;
  /** "*" = every check of the project, "" = none, else comma-separated check UUIDs. */
  checks?: string;
}

/**
 * Checks the shape of a channel request with the same strictness and message style as the
 * check API ("json validation error: name is not a string"). Unknown keys are ignored.
 * `required` lists keys that must be present (kind and config when creating).
 */
export function parseChannelInput(body: Record<string, unknown>, required: (keyof ChannelInput)[] = []): ChannelInput {
  const fail = (msg: string): never => {
    throw new AppError("bad_request", `json validation error: ${msg}`);
  };
  for (const key of required) if (!Object.hasOwn(body, key)) fail(`${key} is missing`);
  const input: ChannelInput = {};
  for (const key of ["checks", "kind", "name"] as const) {
    if (!Object.hasOwn(body, key)) continue;
    const value = body[key];
    if (typeof value !== "string") return fail(`${key} is not a string`);
    if (key === "name" && [...value].length > 100) fail("name is too long");
    input[key] = value;
  }
  if (Object.hasOwn(body, "config")) input.config = body.config;
  return input;
}
