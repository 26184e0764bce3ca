// Pushbullet integration: a "note" push to all of the account's devices, authenticated with
// the user's access token (Access-Token header).
import type { Channel, Flip } from "../db";
import { getEnv } from "../env";
import type { HttpResponse } from "../http";
import { getCloakedUrl } from "../alerts/flip-details";
import { readConfigObject } from "../channels/push-configs";
import { postJson } from "./post-json";
import { getFlipTitle } from "./push-message";
import { TransportError, type NotifyContext, type Transport } from "./transport";

/** 401: the access token was revoked; it will not work again. */
export function getPushbulletError(res: HttpResponse): TransportError {
  return new TransportError(`Received status code ${res.status}`, { permanent: res.status === 401 });
}

export const pushbulletTransport: Transport = {
  kind: "pushbullet",

  isNoop(_channel: Channel, _flip: Flip): boolean {
    return false;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    const env = getEnv();
    const token = readConfigObject(ctx.channel.config).value;
    if (typeof token !== "string" || !token) throw new TransportError("Empty access token");
    await postJson(
      ctx,
      `${env.pushbulletApiUrl}/v2/pushes`,
      { type: "note", title: env.siteName, body: `${getFlipTitle(ctx)}. ${getCloakedUrl(ctx.check)}` },
      { headers: { "Access-Token": token }, errorForStatus: getPushbulletError },
    );
  },
};
