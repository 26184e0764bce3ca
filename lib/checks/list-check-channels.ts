import { getDb } from "../db";
import { getChannelLabel } from "./get-channel-label";

export interface CheckChannel {
  code: string;
  kind: string;
  label: string;
  /** The channel notifies for this check. */
  enabled: boolean;
  /** Switched off after a permanent delivery error. */
  disabled: boolean;
}

/** Every channel of the check's project, oldest first, marked with whether it notifies for the check. */
export async function listCheckChannels(check: { id: number; projectId: number }): Promise<CheckChannel[]> {
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
