import { CHANNEL_KINDS } from "./channel-kinds";

/**
 * Field-by-field errors of a channel config, from the same schema the API validates with, for
 * showing next to form fields. Keys are config keys ("value", "url_down", "headers_up"...); a
 * rule about the whole config (e.g. webhook "needs url_down or url_up") is under "". Returns
 * an empty object when the config is valid or the kind is unknown (saving reports that).
 */
export function getConfigErrors(kind: string, config: unknown): Record<string, string> {
  const channelKind = Object.hasOwn(CHANNEL_KINDS, kind) ? CHANNEL_KINDS[kind] : undefined;
  const result = channelKind?.schema.safeParse(config);
  const errors: Record<string, string> = {};
  for (const issue of result?.error?.issues ?? []) {
    const key = issue.path.length ? String(issue.path[0]) : "";
    errors[key] ??= issue.message;
  }
  return errors;
}
