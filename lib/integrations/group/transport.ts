// Group integration (Healthchecks' Group transport): passes the flip on to other channels of
// the same project. The fan-out itself is lib/alerts' (ctx.deliverToChannels), since an
// integration never calls another integration.
import type { Channel } from "../../db";
import { readConfigObject, str } from "../config";
import { TransportError } from "../../errors";
import type { NotifyContext, Transport } from "../transport";

/** The member channels' UUIDs of a stored group config. */
export function readGroupChannelCodes(json: string): string[] {
  return str(readConfigObject(json).value)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export const groupTransport: Transport = {
  kind: "group",

  isNoop(channel: Channel): boolean {
    return readGroupChannelCodes(channel.config).length === 0;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    if (!ctx.deliverToChannels) throw new TransportError("Group notifications are not available here");
    const { total, failed } = await ctx.deliverToChannels(readGroupChannelCodes(ctx.channel.config));
    if (failed > 0) throw new TransportError(`${failed} out of ${total} notifications failed`);
  },
};
