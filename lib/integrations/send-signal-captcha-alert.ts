// When Signal rate-limits the sending number it answers RATE_LIMIT_FAILURE with a challenge
// token, and nothing more is delivered until someone solves a CAPTCHA and submits it through
// signal-cli. Healthchecks mails the ADMINS about it (Channel.send_signal_captcha_alert); so
// does Vigil, with the steps spelled out, since Vigil has no submit page of its own.
import os from "node:os";
import { getEnv } from "../env";
import { escapeHtml } from "../format";
import { sendMail } from "../mail";
import { consumeToken } from "../rate-limit/consume-token";

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
