// The public subscription routes under a status page (its /status/<slug> root or its custom
// domain): subscribe, confirm, unsubscribe. The page router calls this first for every path under
// the page, after the page's access gate, and serves the path itself when this answers false.
//
//   POST /subscribe                               email, or webhook_url + email → "check your inbox"
//   GET  /subscriptions/<code>/confirm?token=…    double opt-in
//   GET  /subscriptions/<code>/unsubscribe?token=… a page with a button (mail scanners follow links)
//   POST /subscriptions/<code>/unsubscribe?token=… deletes; also RFC 8058 one-click from mail clients
//
// Answers are small self-contained HTML pages; bad input is a 400 page saying what is wrong. The
// subscribe answer is the same whether or not the address was subscribed already.
import type { IncomingMessage, ServerResponse } from "node:http";
import { getSocketClientIp } from "../auth/request-trust";
import { AppError, ERROR_STATUS } from "../errors";
import { escapeHtml } from "../format";
import { readBodyUpTo } from "../net/read-body";
import { sendMail } from "../mail";
import { consumeToken } from "../rate-limit/consume-token";
import { normalizeRateLimitEmail } from "../rate-limit/rate-limits";
import { createThrottledLog } from "../throttled-log";
import { CONFIRM_LINK_DAYS, isValidUnsubscribeToken } from "./subscriber-links";
import { buildConfirmationMail } from "./subscriber-messages";
import {
  checkWebhookUrl,
  confirmSubscriber,
  createSubscriber,
  findPageSubscriber,
  normalizeSubscriberEmail,
  unsubscribeSubscriber,
} from "./subscribers";

export interface SubscriberRouteContext {
  page: { id: number; code: string; slug: string; title: string };
  /** Absolute URL of the page's root: https://host/status/<slug>, or https://<custom domain>. */
  baseUrl: string;
  /** The path below the page's root, e.g. "/subscribe"; "" for the page itself. */
  subpath: string;
  /** The query string without "?". */
  query: string;
}

const MAX_BODY = 16 * 1024;
const HOUR = 3600;
// Subscribe attempts per client address per page, and confirmation mails per address per page:
// enough for a person who mistyped, too few to use a page to mail-bomb someone.
const SUBSCRIBES_PER_HOUR = 10;
const CONFIRMATIONS_PER_HOUR = 3;
// …and over all pages of the instance, so many pages cannot be used together for the same.
const CONFIRMATIONS_PER_HOUR_ALL_PAGES = 10;

const SUBSCRIPTION_PATH = /^\/subscriptions\/([0-9a-z]{1,40})\/(confirm|unsubscribe)$/;
const logMailError = createThrottledLog("status page confirmation mail error");
const mailsInFlight = new Set<Promise<void>>();

/** Resolves when the confirmation mails sent so far have been handed over (or failed): for shutdown and tests. */
export async function waitForConfirmationMails(): Promise<void> {
  await Promise.all(mailsInFlight);
}

/** Serves the path when it is a subscription route; false when it is not (the page router goes on). */
export async function handleSubscriberRoute(req: IncomingMessage, res: ServerResponse, ctx: SubscriberRouteContext): Promise<boolean> {
  const method = req.method ?? "GET";
  try {
    if (ctx.subpath === "/subscribe") {
      if (method === "POST") await subscribe(req, res, ctx);
      else if (method === "GET" || method === "HEAD") sendPage(res, 200, ctx, "Subscribe", subscribeForm(ctx));
      else sendPage(res, 405, ctx, "Method not allowed", "<p>This address takes a form.</p>", { Allow: "GET, POST" });
      return true;
    }
    const m = SUBSCRIPTION_PATH.exec(ctx.subpath);
    if (!m) return false;
    const token = new URLSearchParams(ctx.query).get("token") ?? "";
    if (m[2] === "confirm") {
      // HEAD too is refused: link checkers that only peek must not confirm anything.
      if (method !== "GET") sendPage(res, 405, ctx, "Method not allowed", "", { Allow: "GET" });
      else await confirm(res, ctx, m[1], token);
    } else if (method === "POST") {
      // The body (a two-step form's, or "List-Unsubscribe=One-Click") says nothing the link does not.
      await readBody(req);
      const done = await unsubscribeSubscriber({ pageId: ctx.page.id, subscriberCode: m[1], token });
      if (done) sendPage(res, 200, ctx, "Unsubscribed", `<p>You will not hear from ${escapeHtml(ctx.page.title)} any more.</p>`);
      else sendPage(res, 400, ctx, "Invalid link", "<p>This unsubscribe link is invalid, or the subscription was removed already.</p>");
    } else if (method === "GET" || method === "HEAD") {
      await showUnsubscribe(res, ctx, m[1], token);
    } else {
      sendPage(res, 405, ctx, "Method not allowed", "", { Allow: "GET, POST" });
    }
    return true;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const status = ERROR_STATUS[err.code];
    sendPage(res, status, ctx, status === 429 ? "Too many attempts" : "Cannot subscribe", `<p>${escapeHtml(err.message)}</p>${ctx.subpath === "/subscribe" ? subscribeForm(ctx) : ""}`);
    return true;
  }
}

async function subscribe(req: IncomingMessage, res: ServerResponse, ctx: SubscriberRouteContext): Promise<void> {
  const form = new URLSearchParams((await readBody(req)).toString("utf8"));
  if (!(await consumeToken(`status-subscribe:${ctx.page.id}:${getSocketClientIp(req)}`, SUBSCRIBES_PER_HOUR, HOUR))) {
    throw new AppError("rate_limited", "Too many attempts. Please wait a while and try again.");
  }
  const webhookUrl = form.get("webhook_url")?.trim() ?? "";
  const email = normalizeSubscriberEmail(form.get("email") ?? "");
  const { subscriber, needsConfirmation } = webhookUrl
    ? await createSubscriber({ pageId: ctx.page.id, kind: "webhook", target: await checkWebhookUrl(webhookUrl), email })
    : await createSubscriber({ pageId: ctx.page.id, kind: "email", target: email });
  // Counted whether or not a mail is due, so the answer takes as long either way.
  const address = normalizeRateLimitEmail(email);
  const mayMail =
    (await consumeToken(`status-confirm:${ctx.page.id}:${address}`, CONFIRMATIONS_PER_HOUR, HOUR)) &&
    (await consumeToken(`status-confirm:${address}`, CONFIRMATIONS_PER_HOUR_ALL_PAGES, HOUR));
  // Not awaited: the answer does not wait on the mail server; a lost mail is fixed by subscribing again.
  if (needsConfirmation && mayMail) {
    const sending: Promise<void> = sendMail(buildConfirmationMail(ctx.page, subscriber, ctx.baseUrl))
      .catch(logMailError)
      .finally(() => mailsInFlight.delete(sending));
    mailsInFlight.add(sending);
  }
  sendPage(
    res,
    200,
    ctx,
    "Check your inbox",
    `<p>If this subscription is new, a confirmation link is on its way to <strong>${escapeHtml(email)}</strong>. ` +
      `Open it within ${CONFIRM_LINK_DAYS} days to start receiving updates.</p>`,
  );
}

async function confirm(res: ServerResponse, ctx: SubscriberRouteContext, code: string, token: string): Promise<void> {
  const verdict = await confirmSubscriber({ pageId: ctx.page.id, subscriberCode: code, token });
  if (verdict === "confirmed") {
    sendPage(res, 200, ctx, "Subscription confirmed", `<p>You will hear about incidents and maintenance of ${escapeHtml(ctx.page.title)}. Every message has a link to unsubscribe.</p>`);
  } else if (verdict === "expired") {
    sendPage(res, 400, ctx, "Link expired", `<p>This confirmation link has expired (they work for ${CONFIRM_LINK_DAYS} days). Subscribe again to get a new one.</p>${subscribeForm(ctx)}`);
  } else {
    sendPage(res, 400, ctx, "Invalid link", "<p>This confirmation link is invalid.</p>");
  }
}

async function showUnsubscribe(res: ServerResponse, ctx: SubscriberRouteContext, code: string, token: string): Promise<void> {
  const subscriber = await findPageSubscriber(ctx.page.id, code);
  if (!subscriber || !isValidUnsubscribeToken(subscriber, token)) {
    sendPage(res, 400, ctx, "Invalid link", "<p>This unsubscribe link is invalid, or the subscription was removed already.</p>");
    return;
  }
  const what = subscriber.kind === "email" ? escapeHtml(subscriber.target) : "this webhook";
  sendPage(
    res,
    200,
    ctx,
    "Unsubscribe",
    `<p>Stop sending updates from ${escapeHtml(ctx.page.title)} to ${what}?</p>` +
      `<form method="post" action="?token=${escapeHtml(encodeURIComponent(token))}"><button type="submit">Unsubscribe</button></form>`,
  );
}

function subscribeForm(ctx: SubscriberRouteContext): string {
  const action = escapeHtml(`${new URL(ctx.baseUrl).pathname.replace(/\/$/, "")}/subscribe`);
  return (
    `<form method="post" action="${action}">` +
    `<p><label>E-mail address<br><input type="email" name="email" required maxlength="254" autocomplete="email"></label></p>` +
    `<p><label>Webhook URL (optional)<br><input type="url" name="webhook_url" maxlength="2000" placeholder="https://"></label></p>` +
    `<p><button type="submit">Subscribe</button></p></form>`
  );
}

/** The body, at most MAX_BODY bytes; throws AppError("payload_too_large") beyond. */
async function readBody(req: IncomingMessage): Promise<Buffer> {
  const body = await readBodyUpTo(req, MAX_BODY);
  if (!body) throw new AppError("payload_too_large", "The form is too large.");
  return body;
}

const STYLE =
  "body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#111;background:#fff}" +
  "input{width:100%;padding:.4rem;box-sizing:border-box}button{padding:.4rem 1rem}a{color:#0645ad}" +
  "@media (prefers-color-scheme:dark){body{color:#eee;background:#111}a{color:#8ab4f8}}";

function sendPage(res: ServerResponse, status: number, ctx: SubscriberRouteContext, title: string, body: string, extra: Record<string, string> = {}): void {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)} · ${escapeHtml(ctx.page.title)}</title><style>${STYLE}</style></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1>${body}<p><a href="${escapeHtml(ctx.baseUrl)}">Back to ${escapeHtml(ctx.page.title)}</a></p></main></body></html>`;
  const payload = Buffer.from(html, "utf8");
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": String(payload.length),
    "Cache-Control": "no-store",
    // The URLs carry tokens: never hand them to another site as a Referer.
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    ...extra,
  });
  res.end(res.req?.method === "HEAD" ? undefined : payload);
}
