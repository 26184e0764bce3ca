import type { Channel } from "../db";

/** The API representation of a channel (Healthchecks' Channel.to_dict). */
export function channelToDict(channel: Channel): { id: string; name: string; kind: string } {
  return { id: channel.code, name: channel.name, kind: channel.kind };
}
