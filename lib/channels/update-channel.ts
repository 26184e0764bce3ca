import type { Actor } from "../auth/actor";
import { requireChannelAccess } from "../auth/permissions";
import { inTransaction, type Tx } from "../db";
import { AppError, isRecordNotFound } from "../errors";
import type { SaveContext } from "../integrations/descriptor";
import { getKind } from "../integrations/registry";
import { assignChecks, findChecksBySpec } from "../checks/check-channels";
import { parseChannelConfig, parseChannelInput } from "./channel-input";
import type { ChannelSaveResult } from "./create-channel";

export interface UpdateChannelOptions {
  actor: Actor;
  channelCode: string;
  /**
   * {"kind"?, "name"?, "config"?, "checks"?} as the channels API's body or a form gives it;
   * absent keys are left as they are. The config is replaced whole; `checks` replaces the links.
   */
  input: Readonly<Record<string, unknown>>;
  /** Saving the web form turns a disabled channel back on (an email address is then confirmed again). */
  reenable?: boolean;
  /** Join the caller's transaction instead of opening one. */
  tx?: Tx;
}

/**
 * Changes an integration's name, config and/or checks. Access first, then validation (the kind
 * cannot change; the config must pass the kind's schema), then the kind's hooks as on create
 * (a new Matrix room is joined before the transaction; a group's members are checked in it; a
 * new email address must be confirmed again), then the writes in one transaction. Throws
 * AppError: access errors, "bad_request" (invalid input; then nothing changes), "not_found" if
 * the channel is deleted meanwhile.
 */
export async function updateChannel({ actor, channelCode, input, reenable = false, tx }: UpdateChannelOptions): Promise<ChannelSaveResult> {
  const { channel: before, project } = await requireChannelAccess(actor, channelCode, "write", tx);
  const fields = parseChannelInput(input);
  if (fields.kind !== undefined && fields.kind !== before.kind) {
    throw new AppError("bad_request", "the kind of a channel cannot be changed", { field: "kind" });
  }
  let ctx: SaveContext<unknown> | null = null;
  let json: string | undefined;
  if (fields.config !== undefined) {
    const { descriptor, stored: validated } = parseChannelConfig(before.kind, fields.config);
    const previous = { config: descriptor.readConfig(before.config), emailVerified: before.emailVerified, disabled: before.disabled };
    // The network step runs outside the transaction, so a slow homeserver holds no database lock.
    const stored = descriptor.prepare ? await descriptor.prepare(descriptor.readConfig(JSON.stringify(validated)), validated, previous) : validated;
    json = JSON.stringify(stored);
    ctx = { actor, project, config: descriptor.readConfig(json), previous, reenable };
  }
  const descriptor = getKind(before.kind);

  const channel = await inTransaction(tx, async (tx) => {
    const data: { name?: string; config?: string; emailVerified?: boolean; disabled?: boolean; notifyDegraded?: boolean } = {};
    if (fields.name !== undefined) data.name = fields.name;
    if (fields.notifyDegraded !== undefined) data.notifyDegraded = fields.notifyDegraded;
    if (ctx && json !== undefined) {
      const decision = (await descriptor?.beforeSave?.(tx, ctx)) ?? {};
      data.config = json;
      data.emailVerified = decision.emailVerified ?? true;
    }
    if (reenable) data.disabled = false;
    if (fields.checks !== undefined) await assignChecks(tx, before.id, await findChecksBySpec(tx, before.projectId, fields.checks));
    try {
      return await tx.channel.update({ where: { id: before.id }, data });
    } catch (err) {
      if (isRecordNotFound(err)) throw new AppError("not_found", "");
      throw err;
    }
  });
  const notice = ctx ? await descriptor?.afterSave?.(channel, ctx) : null;
  return { channel, verificationSent: notice?.verificationSent ?? false, verificationError: notice?.verificationError ?? null };
}
