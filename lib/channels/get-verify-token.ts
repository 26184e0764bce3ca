import { createHmac } from "node:crypto";
import { getEnv } from "../env";

/**
 * The token in an email channel's confirmation link: HMAC-SHA256 (keyed with SECRET_KEY) of
 * the channel UUID and the address, so nothing is stored and a link stops working when the
 * address changes. The purpose label keeps it from doubling as any other HMAC we compute.
 */
export function getVerifyToken(channelCode: string, address: string): string {
  return createHmac("sha256", getEnv().secretKey)
    .update(`vigil.channel-verify\n${channelCode}\n${address.toLowerCase()}`)
    .digest("base64url");
}
