// Twilio's transports (Healthchecks' Sms, WhatsApp and Call): the `twilio` client library
// against TWILIO_API_URL, loaded by the first delivery of one of these kinds. The library has no
// base-URL option, so its HTTP client is a RequestClient subclass that rewrites each request's
// origin and connects only through library-net's private-address rule. Every request carries
// StatusCallback = SITE_ROOT/api/v3/notifications/<notification code>/status (handled by
// lib/api/handlers/notification-status.ts). Each send first takes one unit of the project
// owner's monthly quota (quota.ts): SMS and WhatsApp share smsLimit, calls use callLimit.
import type TwilioRequestClient from "twilio/lib/base/RequestClient";
import type TwilioResponse from "twilio/lib/http/response";
import type { Channel, Flip } from "../../db";
import { getEnv } from "../../env";
import { escapeHtml } from "../../format";
import { isUpDownNoop, readUpDownConfig } from "../config";
import { checkTarget, genericLibraryError, guardedNodeAgent, withRetries } from "../library-net";
import { describeFlip, getDowntimeSeconds, getNameThenCode, getFlipDirection } from "../message";
import { TransportError } from "../../errors";
import type { NotifyContext, Transport } from "../transport";
import { checkPhoneQuota, type PhoneQuotaKind } from "./quota";

type TwilioModule = typeof import("twilio");
type RequestOptions<TData> = TwilioRequestClient.RequestOptions<TData>;

let loaded: Promise<{ twilio: TwilioModule; RedirectingRequestClient: ReturnType<typeof defineRequestClient> }> | undefined;

/**
 * twilio's HTTP client pointed at TWILIO_API_URL: keeps each request's path and query, swaps
 * the origin, refuses private addresses (unless INTEGRATIONS_ALLOW_PRIVATE_IPS) and does not
 * retry by itself (withRetries does). Defined once the library is loaded, since it extends it.
 */
function defineRequestClient(RequestClient: TwilioModule["RequestClient"]) {
  return class RedirectingRequestClient extends RequestClient {
    constructor(private readonly baseUrl: string) {
      super({ timeout: 30_000, autoRetry: false });
      this.axios.defaults.httpAgent = guardedNodeAgent("http:");
      this.axios.defaults.httpsAgent = guardedNodeAgent("https:");
    }

    override async request<TData>(opts: RequestOptions<TData>): Promise<TwilioResponse<TData>> {
      const original = new URL(opts.uri);
      const base = new URL(this.baseUrl);
      const uri = `${base.origin}${base.pathname.replace(/\/+$/, "")}${original.pathname}${original.search}`;
      await checkTarget(uri);
      return super.request<TData>({ ...opts, uri });
    }
  };
}

/** The twilio library, loaded on first use. */
function loadTwilio() {
  loaded ??= import("twilio").then((mod) => {
    // A CommonJS module: its exports are the default export of the dynamic import.
    const twilio: TwilioModule = mod.default;
    return { twilio, RedirectingRequestClient: defineRequestClient(twilio.RequestClient) };
  });
  return loaded;
}

/** Maps what the twilio client threw: 21211 is a permanent "Invalid phone number". */
export function toTwilioTransportError(err: unknown, { RestException }: Pick<TwilioModule, "RestException">): TransportError {
  if (err instanceof RestException) {
    if (err.code === 21211) return new TransportError("Invalid phone number", { permanent: true });
    return new TransportError(`Received status code ${err.status}`);
  }
  return genericLibraryError(err);
}

/** A client and the error mapping for its exceptions. */
async function createClient() {
  const env = getEnv();
  const { twilio, RedirectingRequestClient } = await loadTwilio();
  const client = twilio(env.twilioAccount, env.twilioAuth, { httpClient: new RedirectingRequestClient(env.twilioApiUrl), autoRetry: false });
  return { client, toError: (err: unknown) => toTwilioTransportError(err, twilio) };
}

function requireTwilio(): void {
  const env = getEnv();
  if (!env.twilioAccount || !env.twilioAuth) throw new TransportError("Twilio notifications are not enabled.");
}

function readNumber(channel: Channel): string {
  const { value } = readUpDownConfig(channel.config);
  if (!value) throw new TransportError("Invalid phone number", { permanent: true });
  return value;
}

export function getStatusCallbackUrl(notificationCode: string): string {
  return `${getEnv().siteRoot}/api/v3/notifications/${notificationCode}/status`;
}

/** The SMS text: `SITE_NAME: The check "<name>" is DOWN (<reason>).` or UP with the downtime. */
export async function buildSmsText(ctx: Pick<NotifyContext, "check" | "flip">): Promise<string> {
  const downtime = await getDowntimeSeconds(ctx.flip);
  return `${getEnv().siteName}: The check "${getNameThenCode(ctx.check)}" is ${describeFlip(ctx.flip, downtime)}`;
}

/** The TwiML a call reads out (down flips only). */
export function buildCallTwiml(ctx: Pick<NotifyContext, "check">): string {
  const text = `Hello! A message from ${getEnv().siteName}: The check "${getNameThenCode(ctx.check)}" is down.`;
  return `<Response><Say>${escapeHtml(text)}</Say></Response>`;
}

const isNoopUpDown = (channel: Channel, flip: Flip): boolean => isUpDownNoop(readUpDownConfig(channel.config), getFlipDirection(flip));

/** Throws the (not permanent) "Monthly ... limit exceeded" error when the owner's quota is used up. */
async function consumeQuota(ctx: NotifyContext, kind: PhoneQuotaKind): Promise<void> {
  const error = await checkPhoneQuota(ctx.check.project, kind);
  if (error) throw new TransportError(error);
}

export const smsTransport: Transport = {
  kind: "sms",
  isNoop: isNoopUpDown,
  async notify(ctx: NotifyContext): Promise<void> {
    requireTwilio();
    const env = getEnv();
    const to = readNumber(ctx.channel);
    const body = await buildSmsText(ctx);
    await consumeQuota(ctx, "sms");
    const { client, toError } = await createClient();
    await withRetries(
      ctx,
      () =>
        client.messages.create({
          to,
          body,
          statusCallback: getStatusCallbackUrl(ctx.notificationCode),
          ...(env.twilioMessagingServiceSid ? { messagingServiceSid: env.twilioMessagingServiceSid } : { from: env.twilioFrom }),
        }),
      toError,
    );
  },
};

export const whatsappTransport: Transport = {
  kind: "whatsapp",
  isNoop: isNoopUpDown,
  async notify(ctx: NotifyContext): Promise<void> {
    requireTwilio();
    const env = getEnv();
    if (!env.twilioUseWhatsapp) throw new TransportError("WhatsApp notifications are not enabled.");
    const to = readNumber(ctx.channel);
    const contentSid = getFlipDirection(ctx.flip) === "down" ? env.whatsappDownContentSid : env.whatsappUpContentSid;
    await consumeQuota(ctx, "sms");
    const { client, toError } = await createClient();
    await withRetries(
      ctx,
      () =>
        client.messages.create({
          to: `whatsapp:${to}`,
          ...(env.twilioFrom ? { from: `whatsapp:${env.twilioFrom}` } : {}),
          ...(env.twilioMessagingServiceSid ? { messagingServiceSid: env.twilioMessagingServiceSid } : {}),
          contentSid,
          contentVariables: JSON.stringify({ "1": getNameThenCode(ctx.check) }),
          statusCallback: getStatusCallbackUrl(ctx.notificationCode),
        }),
      toError,
    );
  },
};

export const callTransport: Transport = {
  kind: "call",
  isNoop: (_channel, flip) => getFlipDirection(flip) !== "down",
  async notify(ctx: NotifyContext): Promise<void> {
    requireTwilio();
    const env = getEnv();
    const to = readNumber(ctx.channel);
    await consumeQuota(ctx, "call");
    const { client, toError } = await createClient();
    await withRetries(
      ctx,
      () =>
        client.calls.create({
          to,
          from: env.twilioFrom,
          twiml: buildCallTwiml(ctx),
          statusCallback: getStatusCallbackUrl(ctx.notificationCode),
        }),
      toError,
    );
  },
};
