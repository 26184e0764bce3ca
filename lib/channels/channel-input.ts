// What a channel save accepts, checked in the order the channels API reports problems: the
// body's shape ("json validation error: name is not a string", as the checks API words it),
// then the kind, then its config against the kind's schema. Messages are the API's; each error
// also names the input at fault (`field`) and says it in a form's words (`userMessage`).
import type { z } from "zod";
import type { Channel } from "../db";
import { getEnv } from "../env";
import { AppError } from "../errors";
import type { AnyKindDescriptor } from "../integrations/descriptor";
import { getKind } from "../integrations/registry";

/** A create/update channel request body (Vigil's extension of the Healthchecks API). */
export interface ChannelInput {
  kind?: string;
  name?: string;
  /** Validated against the kind's schema by parseChannelConfig. */
  config?: unknown;
  /** "*" = every check of the project, "" = none, else comma-separated check UUIDs. */
  checks?: string;
  /** Beyond Healthchecks: also notify flips to and from "degraded" (active checks). */
  notifyDegraded?: boolean;
}

/**
 * A channel as the management API shows it (Healthchecks' Channel.to_dict), plus
 * "notify_degraded": true for channels that opted in: the others keep Healthchecks' exact shape.
 */
export function channelToDict(channel: Channel): { id: string; name: string; kind: string; notify_degraded?: true } {
  const dict: { id: string; name: string; kind: string; notify_degraded?: true } = { id: channel.code, name: channel.name, kind: channel.kind };
  if (channel.notifyDegraded) dict.notify_degraded = true;
  return dict;
}

/**
 * Checks the shape of a channel body with the same strictness and message style as the check
 * API. Unknown keys are ignored. `required` lists keys that must be present (kind and config
 * when creating). Throws AppError("bad_request").
 */
export function parseChannelInput(body: Readonly<Record<string, unknown>>, required: (keyof ChannelInput)[] = []): ChannelInput {
  const fail = (field: string, msg: string, userMessage: string): never => {
    throw new AppError("bad_request", `json validation error: ${msg}`, { field, userMessage });
  };
  for (const key of required) if (!Object.hasOwn(body, key)) fail(key, `${key} is missing`, `Enter the ${key}.`);
  const input: ChannelInput = {};
  for (const key of ["checks", "kind", "name"] as const) {
    if (!Object.hasOwn(body, key)) continue;
    const value = body[key];
    if (typeof value !== "string") return fail(key, `${key} is not a string`, `The ${key} must be text.`);
    if (key === "name" && [...value].length > 100) fail(key, "name is too long", "Must be at most 100 characters.");
    input[key] = value;
  }
  if (Object.hasOwn(body, "notify_degraded")) {
    if (typeof body.notify_degraded !== "boolean") fail("notify_degraded", "notify_degraded is not a boolean", "Choose yes or no.");
    input.notifyDegraded = body.notify_degraded as boolean;
  }
  if (Object.hasOwn(body, "config")) input.config = body.config;
  return input;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `unexpected key ${issue.keys.join(", ")}`;
  if (issue.path.length === 0 && issue.code === "invalid_type") return "config must be an object";
  const where = issue.path.length ? issue.path.map(String).join(".") : "config";
  return `${where} ${issue.message}`;
}

/**
 * Looks up an offered kind and validates a config for it. Returns the descriptor and the object
 * to store; throws AppError("bad_request") naming the unknown or disabled kind, or the first bad
 * config key (as `field`).
 */
export function parseChannelConfig(kind: string, config: unknown): { descriptor: AnyKindDescriptor; stored: Record<string, unknown> } {
  const descriptor = getKind(kind);
  if (!descriptor) throw new AppError("bad_request", `unsupported channel kind: ${kind}`, { field: "kind" });
  if (descriptor.isEnabled && !descriptor.isEnabled(getEnv())) {
    throw new AppError("bad_request", `${kind} integrations are disabled`, { userMessage: `${descriptor.label} integrations are turned off on this server.` });
  }
  const result = descriptor.configSchema.safeParse(config);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = typeof issue.path[0] === "string" && issue.path[0] !== "" ? issue.path[0] : undefined;
    throw new AppError("bad_request", `invalid ${kind} config: ${describe(issue)}`, { field, userMessage: `${capitalize(issue.message)}.` });
  }
  return { descriptor, stored: result.data };
}
