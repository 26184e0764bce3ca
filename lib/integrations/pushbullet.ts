// Pushbullet integration: a "note" push to all of the account's devices, authenticated with
// the user's access token (Access-Token header).
// Stored config: {"value": access token}.
import { z } from "zod";
import type { Channel, Flip } from "../db";
import { getEnv } from "../env";
import type { HttpResponse } from "../http";
import { asValueObject, readConfigObject, str, token } from "./config";
import type { KindDescriptor } from "./descriptor";
import { getCloakedUrl } from "./message";
import { postJson } from "./post-json";
import { getFlipTitle } from "./push-message";
import { TransportError } from "../errors";
import type { NotifyContext, Transport } from "./transport";

/** A Pushbullet access token, as a string or {"value": token}. */
const pushbulletConfig = z.preprocess(asValueObject, z.strictObject({ value: token(100).min(1, { error: "must not be empty" }) }));

export interface PushbulletConfig {
  token: string;
}

function readPushbulletConfig(json: string): PushbulletConfig {
  return { token: str(readConfigObject(json).value) };
}

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
    const { token } = readPushbulletConfig(ctx.channel.config);
    if (!token) throw new TransportError("Empty access token");
    await postJson(
      ctx,
      `${env.pushbulletApiUrl}/v2/pushes`,
      { type: "note", title: env.siteName, body: `${getFlipTitle(ctx)}. ${getCloakedUrl(ctx.check)}` },
      { headers: { "Access-Token": token }, errorForStatus: getPushbulletError },
    );
  },
};

export const pushbulletKind: KindDescriptor<PushbulletConfig> = {
  kind: "pushbullet",
  label: "Pushbullet",
  description: "Push a note to all your Pushbullet devices.",
  icon: "bell",
  configSchema: pushbulletConfig,
  readConfig: readPushbulletConfig,
  transport: pushbulletTransport,
  form: {
    layout: "settings",
    steps: ["In Pushbullet, open “Settings” → “Account” → “Create Access Token”.", "Copy the token and paste it below."],
    fields: [{ name: "value", label: "Access token", type: "password", required: true, maxLength: 100, placeholder: "o.xxxxxxxxxxxxxxxx" }],
    toConfig: (v) => ({ config: { value: v.value } }),
    fromConfig: (c) => ({ value: c.token }),
  },
  summarize: () => ["All devices of the account"],
};
