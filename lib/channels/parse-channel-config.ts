import type { z } from "zod";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { CHANNEL_KINDS, type ChannelKind } from "./channel-kinds";

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `unexpected key ${issue.keys.join(", ")}`;
  if (issue.path.length === 0 && issue.code === "invalid_type") return "config must be an object";
  const where = issue.path.length ? issue.path.map(String).join(".") : "config";
  return `${where} ${issue.message}`;
}

/**
 * Looks up a channel kind and validates its config. Returns the kind and the config to store;
 * throws AppError("bad_request") naming the unknown or disabled kind, or the first bad field.
 */
export function parseChannelConfig(
  kind: string,
  config: unknown,
): { channelKind: ChannelKind; config: Record<string, unknown> } {
  const channelKind = Object.hasOwn(CHANNEL_KINDS, kind) ? CHANNEL_KINDS[kind] : undefined;
  if (!channelKind) throw new AppError("bad_request", `unsupported channel kind: ${kind}`);
  if (channelKind.isEnabled && !channelKind.isEnabled(getEnv())) {
    throw new AppError("bad_request", `${kind} integrations are disabled`);
  }
  const result = channelKind.schema.safeParse(config);
  if (!result.success) throw new AppError("bad_request", `invalid ${kind} config: ${describe(result.error.issues[0])}`);
  return { channelKind, config: result.data };
}
