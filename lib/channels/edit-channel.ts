import { userActor } from "../auth/actor";
import { getDb } from "../db";
import { getEmailConfig } from "../integrations/email";
import type { ChannelSaveResult } from "./add-channel";
import { assertChannelName } from "./assert-channel-name";
import { isTrustedEmail } from "./is-trusted-email";
import { readWebhookUrl } from "./read-webhook-url";
import { requireChannelAccess } from "../auth/permissions";
import { sendVerificationEmail } from "./send-verification-email";
import { updateChannel } from "./update-channel";

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Whether `input` is {"value": url} for the URL of a stored OAuth config (§6.3 Slack/Discord form). */
function isUnchangedOAuthWebhook(stored: string, input: unknown): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return false;
  }
  if (!isRecord(parsed) || !(isRecord(parsed.incoming_webhook) || isRecord(parsed.webhook))) return false;
  if (!isRecord(input) || Object.keys(input).join() !== "value") return false;
  return typeof input.value === "string" && input.value === readWebhookUrl(stored);
}

/**
 * Saves an edited integration for a user who may write to its project: the name and the whole
 * config, validated as the API does (updateChannel). Saving re-enables a disabled channel. An
 * email channel keeps its confirmation while the address is unchanged; a new address (or one
 * that had unsubscribed) is confirmed again under addChannel's rules.
 * Throws AppError: "not_found"/"forbidden" (access), "bad_request" (invalid input).
 */
export async function editChannel(
  userId: number,
  channelCode: string,
  input: { name?: string; config: unknown },
): Promise<ChannelSaveResult> {
  const { channel: before, project } = await requireChannelAccess(userActor(userId), channelCode, "write");
  const name = input.name?.trim() ?? "";
  assertChannelName(name);
  // The web form shows a Slack or Discord channel made by OAuth as its webhook URL only: saving
  // it unchanged (say, to rename it) keeps the stored OAuth config with the workspace and channel.
  const config = isUnchangedOAuthWebhook(before.config, input.config) ? undefined : input.config;
  await updateChannel(before.id, { name, config });

  let emailVerified = true;
  let mustConfirm = false;
  if (before.kind === "email") {
    const oldAddress = getEmailConfig(before).value.toLowerCase();
    const updated = await getDb().channel.findUniqueOrThrow({ where: { id: before.id } });
    const address = getEmailConfig(updated).value;
    mustConfirm = address.toLowerCase() !== oldAddress || before.disabled;
    emailVerified = mustConfirm ? await isTrustedEmail(project.id, address) : before.emailVerified;
    mustConfirm &&= !emailVerified;
  }
  const channel = await getDb().channel.update({ where: { id: before.id }, data: { emailVerified, disabled: false } });
  if (!mustConfirm) return { channel, verificationSent: false, verificationError: null };
  try {
    await sendVerificationEmail({ ...channel, project });
    return { channel, verificationSent: true, verificationError: null };
  } catch (err) {
    return { channel, verificationSent: false, verificationError: err instanceof Error ? err.message : String(err) };
  }
}
