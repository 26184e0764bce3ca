// When Signal rate-limits the sending number it answers RATE_LIMIT_FAILURE with a challenge
// token, and nothing more is delivered until someone solves a CAPTCHA and submits it through
// signal-cli. Healthchecks mails the ADMINS about it (Channel.send_signal_captcha_alert); so
// does Vigil, with the steps spelled out, since Vigil has no submit page of its own. Meanwhile
// the alert goes to the project owner by email (Healthchecks' "signal-rate-limited" email), so
// it is not lost.
import os from "node:os";
import { getDb } from "../../db";
import { getEnv } from "../../env";
import { escapeHtml } from "../../format";
import { sendMail } from "../../mail";
import { consumeToken } from "../../rate-limit/consume-token";

const DAY = 24 * 3600;
// Each challenge is mailed once a day; on top of that, a burst of different tokens (Signal may
// issue one per refused message) is capped so the admins' inbox is never flooded.
const PER_DAY = 10;

/** The command that submits a solved CAPTCHA to the daemon at SIGNAL_CLI_SOCKET. */
function getSubmitCommand(socket: string, challenge: string): string {
  const request = JSON.stringify({ jsonrpc: "2.0", method: "submitRateLimitChallenge", params: { challenge, captcha: "CAPTCHA-SOLUTION-HERE" }, id: "1" });
  const m = /^(.+):(\d{1,5})$/.exec(socket);
  const target = m && !socket.includes("/") ? `nc ${m[1]} ${m[2]}` : `nc -U ${socket}`;
  return `echo '${request}' | ${target}`;
}

/**
 * Emails ADMINS the challenge token and how to submit a solved CAPTCHA, with signal-cli's raw
 * reply. Sent at most once a day per token and 10 times a day in all; skipped without ADMINS or
 * EMAIL_HOST. Resolves to whether a message went out; never throws (the failed notification
 * already records "CAPTCHA proof required").
 */
export async function sendSignalCaptchaAlert(challenge: string, reply: string): Promise<boolean> {
  const env = getEnv();
  if (env.admins.length === 0 || !env.email.host || !env.signalCliSocket) return false;
  if (!(await consumeToken(`signal-captcha-${challenge}`, 1, DAY))) return false;
  if (!(await consumeToken("signal-captcha", PER_DAY, DAY))) return false;

  const host = os.hostname();
  const command = getSubmitCommand(env.signalCliSocket, challenge);
  const cli = `signal-cli -a ACCOUNT submitRateLimitChallenge --challenge ${challenge} --captcha CAPTCHA-SOLUTION-HERE`;
  const steps = [
    "1. Open https://signalcaptchas.org/challenge/generate.html and solve the CAPTCHA.",
    '2. Copy the "Open Signal" link it gives you (signalcaptcha://…); the solution is the part after "signalcaptcha://".',
    `3. Submit it to the signal-cli daemon at ${env.signalCliSocket} (from host ${host} or any host that can reach it):`,
    `   ${command}`,
    `   or, with the daemon stopped: ${cli}`,
  ];
  const text = [`Challenge token: ${challenge}`, "", ...steps, "", "Message from Signal:", reply.trim(), ""].join("\n");
  const html = [
    `<p>Challenge token: <b>${escapeHtml(challenge)}</b></p>`,
    "<ol>",
    '<li>Open <a href="https://signalcaptchas.org/challenge/generate.html">https://signalcaptchas.org/challenge/generate.html</a> and solve the CAPTCHA.</li>',
    "<li>Copy the “Open Signal” link it gives you (<code>signalcaptcha://…</code>); the solution is the part after <code>signalcaptcha://</code>.</li>",
    `<li>Submit it to the signal-cli daemon at <b>${escapeHtml(env.signalCliSocket)}</b> (from host <b>${escapeHtml(host)}</b> or any host that can reach it):`,
    `<pre>${escapeHtml(command)}</pre>or, with the daemon stopped:<pre>${escapeHtml(cli)}</pre></li>`,
    "</ol>",
    `<p>Message from Signal:</p><pre>${escapeHtml(reply.trim())}</pre>`,
  ].join("\n");
  try {
    // One message to all admins, as Django's mail_admins sends it, with its "[site] " prefix.
    await sendMail({ to: env.admins.join(", "), subject: `[${env.siteName}] Signal CAPTCHA proof required`, text, html });
    return true;
  } catch {
    return false;
  }
}

/** Healthchecks' mask_phone filter: "+15551234567" → "+155******567"; short values as they are. */
function maskRecipient(value: string): string {
  return value.length > 7 ? `${value.slice(0, 4)}******${value.slice(-3)}` : value;
}

/**
 * Emails the owner of the channel's project the Signal message that could not be sent:
 * `plaintext` is what Signal would have shown (its first line becomes the subject), `html`
 * the same with its bold parts. Skipped without EMAIL_HOST; never throws.
 */
export async function sendSignalRateLimitedNotice(
  ownerId: number,
  recipient: string,
  message: { plaintext: string; html: string },
): Promise<boolean> {
  const env = getEnv();
  if (!env.email.host) return false;
  const owner = await getDb().user.findUnique({ where: { id: ownerId }, select: { email: true } });
  if (!owner) return false;
  const masked = maskRecipient(recipient);
  const intro = `We could not deliver a Signal notification to ${masked} due to hitting a rate-limit on the Signal network, so we are sending it via email instead:`;
  const text = ["Hello,", "", intro, "", "***", message.plaintext, "***", "", "Regards,", `The ${env.siteName} Team`, ""].join("\n");
  const html = [
    "<p>Hello,</p>",
    `<p>We could not deliver a Signal notification to <strong>${escapeHtml(masked)}</strong> due to hitting a rate-limit on the Signal network, so we are sending it via email instead:</p>`,
    `<div style="background: #F2F4F6; padding: 20px;">${message.html.replace(/\n/g, "<br>\n")}</div>`,
    `<p>Regards,<br>The ${escapeHtml(env.siteName)} Team</p>`,
  ].join("\n");
  try {
    await sendMail({ to: owner.email, subject: `Signal notification failed: ${message.plaintext.split("\n")[0]}`, text, html });
    return true;
  } catch {
    return false;
  }
}
