import { randomUUID } from "node:crypto";
import { getDb } from "../db";
import { getTransport } from "../integrations/registry";
import type { NotifyContext } from "../integrations/transport";

type Notify = (ctx: NotifyContext) => Promise<void>;

/** deliverFlip's per-channel delivery: writes the Notification, records errors, never throws TransportError. */
export type DeliverOne = (ctx: NotifyContext, notify: Notify | null) => Promise<{ error: string }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The group kind's fan-out (Healthchecks' Group transport): sends ctx.flip to the enabled
 * channels of the group's own project whose codes are listed, through their transports. Member
 * groups, the group itself included, are skipped, so a group can never recurse. With
 * `deliverOne` each member gets its own Notification row and last error as if it were attached
 * to the check; without it (test sends) the transports are just called. Resolves to how many
 * members were notified (no-ops left out) and how many failed.
 */
export async function deliverToGroupMembers(
  ctx: NotifyContext,
  codes: string[],
  deliverOne: DeliverOne | null,
): Promise<{ total: number; failed: number }> {
  const valid = codes.filter((c) => UUID.test(c)).map((c) => c.toLowerCase());
  const members = await getDb().channel.findMany({
    where: { projectId: ctx.channel.projectId, code: { in: valid }, disabled: false, kind: { not: "group" } },
    orderBy: { id: "asc" },
  });
  let total = 0;
  let failed = 0;
  for (const member of members) {
    const transport = getTransport(member.kind);
    if (transport?.isNoop(member, ctx.flip)) continue;
    total++;
    const memberCtx: NotifyContext = { ...ctx, channel: member, notificationCode: randomUUID(), deliverToChannels: undefined };
    const notify: Notify | null = transport ? (c) => transport.notify(c) : null;
    if (deliverOne) {
      if ((await deliverOne(memberCtx, notify)).error) failed++;
      continue;
    }
    try {
      if (!notify) throw new Error("unsupported");
      await notify(memberCtx);
    } catch {
      failed++;
    }
  }
  return { total, failed };
}
