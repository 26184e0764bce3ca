// Twilio integrations (Healthchecks' Sms, WhatsApp and Call transports, §6.3): the `twilio`
// client library against TWILIO_API_URL. The library has no base-URL option, so its HTTP client
// is a RequestClient subclass that rewrites each request's origin and connects only through
// library-net's private-address rule. Stored configs: sms and whatsapp
// {"value": "+E164", "up": bool, "down": bool}, call {"value": "+E164"}. Every request carries
// StatusCallback = SITE_ROOT/api/v3/notifications/<notification code>/status (handled by
// lib/api/handlers/notification-status.ts). Each send first takes one unit of the project
// owner's monthly quota (§6.2, lib/integrations/phone-quota.ts): SMS and WhatsApp share smsLimit,
// calls use callLimit.
import twilio from "twilio";
import type TwilioRequestClient from "twilio/lib/base/RequestClient";
import type TwilioResponse from "twilio/lib/http/response";
import type { Channel, Flip } from "../db";
import { getEnv } from "../env";
import { describeFlip, getDowntimeSeconds, getNameThenCode } from "../alerts/flip-details";
import { escapeHtml } from "../format";
import { readPhoneConfig } from "../channels/phone-configs";
import { checkTarget, genericLibraryError, guardedNodeAgent, withRetries } from "./library-net";
import { TransportError, type NotifyContext, type Transport } from "./transport";
import { checkPhoneQuota, type PhoneQuotaKind } from "./phone-quota";

const { RequestClient, RestException } = twilio;
type RequestOptions<TData> = TwilioRequestClient.RequestOptions<TData>;

/**
 * twilio's HTTP client pointed at TWILIO_API_URL: keeps each request's path and query, swaps
 * the origin, refuses private addresses (unless INTEGRATIONS_ALLOW_PRIVATE_IPS) and does not
 * retry by itself (withRetries does).
 */
export class RedirectingRequestClient extends RequestClient {
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
}

/** Maps what the twilio client threw: 21211 is a permanent "Invalid phone number". */
export function toTwilioTransportError(err: unknown): TransportError {
  if (err instanceof RestException) {
    if (err.code === 21211) return new TransportError("Invalid phone number", { permanent: true });
    return new TransportError(`Received status code ${err.status}`);
  }
  return genericLibraryError(err);
}

function createClient() {
  const env = getEnv();
  return twilio(env.twilioAccount, env.twilioAuth, { httpClient: new RedirectingRequestClient(env.twilioApiUrl), autoRetry: false });
}

function requireTwilio(): void {
  const env = getEnv();
  if (!env.twilioAccount || !env.twilioAuth) throw new TransportError("Twilio notifications are not enabled.");
}

function readNumber(channel: Channel): string {
  const { value } = readPhoneConfig(channel.config);
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

const isNoopUpDown = (channel: Channel, flip: Flip): boolean => {
  const config = readPhoneConfig(channel.config);
  return flip.newStatus === "down" ? !config.down : !config.up;
};

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
    await withRetries(
      ctx,
      () =>
        createClient().messages.create({
          to,
          body,
          statusCallback: getStatusCallbackUrl(ctx.notificationCode),
          ...(env.twilioMessagingServiceSid ? { messagingServiceSid: env.twilioMessagingServiceSid } : { from: env.twilioFrom }),
        }),
      toTwilioTransportError,
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
    const contentSid = ctx.flip.newStatus === "down" ? env.whatsappDownContentSid : env.whatsappUpContentSid;
    await consumeQuota(ctx, "sms");
    await withRetries(
      ctx,
      () =>
        createClient().messages.create({
          to: `whatsapp:${to}`,
          ...(env.twilioFrom ? { from: `whatsapp:${env.twilioFrom}` } : {}),
          ...(env.twilioMessagingServiceSid ? { messagingServiceSid: env.twilioMessagingServiceSid } : {}),
          contentSid,
          contentVariables: JSON.stringify({ "1": getNameThenCode(ctx.check) }),
          statusCallback: getStatusCallbackUrl(ctx.notificationCode),
        }),
      toTwilioTransportError,
    );
  },
};

export const callTransport: Transport = {
  kind: "call",
  isNoop: (_channel, flip) => flip.newStatus !== "down",
  async notify(ctx: NotifyContext): Promise<void> {
    requireTwilio();
    const env = getEnv();
    const to = readNumber(ctx.channel);
    await consumeQuota(ctx, "call");
    await withRetries(
      ctx,
      () =>
        createClient().calls.create({
          to,
          from: env.twilioFrom,
          twiml: buildCallTwiml(ctx),
          statusCallback: getStatusCallbackUrl(ctx.notificationCode),
        }),
      toTwilioTransportError,
    );
  },
};
