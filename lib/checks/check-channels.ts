// Which channels notify for which checks (the channel_checks links): how the details page
// lists a check's channels with their on/off switches, how a channel is named there and in the
// event log, and the "channels" value of the checks API / "checks" value of the channels API
// (Healthchecks' spelling: "*" = all of the project, "" = none, else a comma-separated list),
// resolved inside the caller's transaction, with the writes that replace a side's links.
import type { Actor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import { getDb, type Tx } from "../db";
import { AppError } from "../errors";

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

/**
 * Resolves a check's `channels` value: "*" = every channel of the project, "" = none, else a
 * comma-separated list where each item is a channel UUID or an exact, unique channel name.
 * Returns channel ids; throws AppError("bad_request") with Healthchecks' messages for an empty,
 * unknown or ambiguous item.
 */
export async function findChannelsBySpec(tx: Tx, projectId: number, spec: string): Promise<number[]> {
  if (spec === "") return [];
  const available = await tx.channel.findMany({
    where: { projectId },
    select: { id: true, code: true, name: true },
    orderBy: { id: "asc" },
  });
  if (spec === "*") return available.map((c) => c.id);

  const ids = new Set<number>();
  for (const item of spec.split(",")) {
    if (item === "") throw new AppError("bad_request", "empty channel identifier");
    const matches = available.filter((c) => c.code === item || c.name === item);
    if (matches.length === 0) throw new AppError("bad_request", `invalid channel identifier: ${item}`);
    if (matches.length > 1) throw new AppError("bad_request", `non-unique channel identifier: ${item}`);
    ids.add(matches[0].id);
  }
  return [...ids];
}

/**
 * Resolves a channel's `checks` value: "*" = every check of the project, "" = none, else a
 * comma-separated list of the project's check UUIDs. Returns check ids; throws
 * AppError("bad_request") for an empty or unknown item.
 */
export async function findChecksBySpec(tx: Tx, projectId: number, spec: string): Promise<number[]> {
  if (spec === "") return [];
  const available = await tx.check.findMany({ where: { projectId }, select: { id: true, code: true } });
  if (spec === "*") return available.map((c) => c.id);
  const byCode = new Map(available.map((c) => [c.code, c.id]));
  const ids = new Set<number>();
  for (const item of spec.split(",")) {
    if (item === "") throw new AppError("bad_request", "empty check identifier");
    const id = byCode.get(item);
    if (id === undefined) throw new AppError("bad_request", `invalid check identifier: ${item}`);
    ids.add(id);
  }
  return [...ids];
}

/** Replaces the set of channels that notify for a check. */
export async function assignChannels(tx: Tx, checkId: number, channelIds: number[]): Promise<void> {
  await tx.channelCheck.deleteMany({ where: { checkId } });
  if (channelIds.length > 0) {
    await tx.channelCheck.createMany({ data: channelIds.map((channelId) => ({ channelId, checkId })) });
  }
}

/** Replaces the set of checks a channel notifies for. */
export async function assignChecks(tx: Tx, channelId: number, checkIds: number[]): Promise<void> {
  await tx.channelCheck.deleteMany({ where: { channelId } });
  if (checkIds.length > 0) await tx.channelCheck.createMany({ data: checkIds.map((checkId) => ({ channelId, checkId })) });
}
