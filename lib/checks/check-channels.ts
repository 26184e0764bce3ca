// Which of the project's channels notify for a check, as the details page lists them with
// their on/off switches, and how a channel is named there and in the event log.
import type { Actor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import { getDb } from "../db";

export interface CheckChannel {
  code: string;
  kind: string;
  label: string;
  /** The channel notifies for this check. */
  enabled: boolean;
  /** Switched off after a permanent delivery error. */
  disabled: boolean;
}

/**
 * How a channel is named in check pages: its name, else what it delivers to (the email
 * address, the webhook URL), else its kind.
 */
export function getChannelLabel(channel: { name: string; kind: string; config: string }): string {
  if (channel.name) return channel.name;
  let config: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(channel.config);
    if (parsed && typeof parsed === "object") config = parsed as Record<string, unknown>;
  } catch {
    // An unreadable config still gets a label.
  }
  for (const key of ["value", "url_down", "url_up"]) {
    const v = config[key];
    if (typeof v === "string" && v) return v;
  }
  return channel.kind;
}

/**
 * Every channel of the check's project, oldest first, marked with whether it notifies for the
 * check. Throws AppError on access (see requireCheckAccess).
 */
export async function listCheckChannels({ actor, checkCode }: { actor: Actor; checkCode: string }): Promise<CheckChannel[]> {
  const { check } = await requireCheckAccess(actor, checkCode, "read");
  const channels = await getDb().channel.findMany({
    where: { projectId: check.projectId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { code: true, kind: true, name: true, config: true, disabled: true, checks: { where: { checkId: check.id }, select: { checkId: true } } },
  });
  return channels.map((c) => ({
    code: c.code,
    kind: c.kind,
    label: getChannelLabel(c),
    enabled: c.checks.length > 0,
    disabled: c.disabled,
  }));
}
