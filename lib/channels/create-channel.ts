import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { inTransaction, type Channel, type Tx } from "../db";
import type { SaveContext } from "../integrations/descriptor";
import { assignChecks, findChecksBySpec } from "../checks/check-channels";
import { parseChannelConfig, parseChannelInput } from "./channel-input";

export interface CreateChannelOptions {
  actor: Actor;
  projectCode: string;
  /**
   * {"kind", "name"?, "config", "checks"?} as the channels API's body or a form gives it;
   * checked after access. `checks` attaches the channel to checks ("*" = all, default none).
   */
  input: Readonly<Record<string, unknown>>;
  /** Join the caller's transaction instead of opening one. */
  tx?: Tx;
}

export interface ChannelSaveResult {
  channel: Channel;
  /** True when a confirmation link was emailed (the channel stays silent until it is opened). */
  verificationSent: boolean;
  /** Why the confirmation email could not be sent; the channel is saved anyway. */
  verificationError: string | null;
}

/**
 * Creates an integration: checks the actor may write to the project, validates the body and
 * the kind's config (the API's messages), lets the kind prepare it (the Matrix bot joins its
 * room, after the access check), then creates the channel and its check links in one
 * transaction, where the kind may refuse it (a group's members) or leave it unconfirmed (an
 * email address no member signed in with). A person saving from the web is then mailed the
 * confirmation link. Throws AppError: "not_found"/"forbidden"/"unauthorized" (access),
 * "bad_request" (invalid input; then nothing is created).
 */
export async function createChannel({ actor, projectCode, input, tx }: CreateChannelOptions): Promise<ChannelSaveResult> {
  const { project } = await requireProjectAccess(actor, projectCode, "write", tx);
  const fields = parseChannelInput(input, ["kind", "config"]);
  const kind = fields.kind ?? "";
  const { descriptor, stored: validated } = parseChannelConfig(kind, fields.config);
  // The network step runs outside the transaction, so a slow homeserver holds no database lock.
  const stored = descriptor.prepare ? await descriptor.prepare(descriptor.readConfig(JSON.stringify(validated)), validated, null) : validated;
  const json = JSON.stringify(stored);
  const ctx: SaveContext<unknown> = { actor, project, config: descriptor.readConfig(json), previous: null, reenable: false };

  const channel = await inTransaction(tx, async (tx) => {
    const checkIds = await findChecksBySpec(tx, project.id, fields.checks ?? "");
    const decision = (await descriptor.beforeSave?.(tx, ctx)) ?? {};
    const created = await tx.channel.create({
      data: { code: randomUUID(), projectId: project.id, kind, name: fields.name ?? "", config: json, emailVerified: decision.emailVerified ?? true, notifyDegraded: fields.notifyDegraded ?? false },
    });
    await assignChecks(tx, created.id, checkIds);
    return created;
  });
  const notice = await descriptor.afterSave?.(channel, ctx);
  return { channel, verificationSent: notice?.verificationSent ?? false, verificationError: notice?.verificationError ?? null };
}
