"use server";
// Connects the chat of a /start link to the project the signed-in user picked.
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { createChannel } from "@/lib/channels/create-channel";
import { toFormState, type FormState } from "@/lib/errors";
import { readTelegramChatToken } from "@/lib/integrations/telegram/chat-token";

export async function connectTelegramChat(token: unknown, _prev: FormState, formData: unknown): Promise<FormState> {
  // Arguments come back from the browser and may be anything.
  if (typeof token !== "string" || !(formData instanceof FormData)) return { ok: false, error: "This form could not be read. Reload the page and try again." };
  const actor = await requireActor();
  const chat = readTelegramChatToken(token);
  if (!chat) return { ok: false, error: "This link has expired or is not valid. Send /start to the bot again." };
  const projectCode = formData.get("project");
  if (typeof projectCode !== "string" || !projectCode) return { ok: false, error: "Pick a project.", field: "project" };
  let channelCode: string;
  try {
    const { channel } = await createChannel({ actor, projectCode, input: { kind: "telegram", name: chat.name, config: chat, checks: "*" } });
    channelCode = channel.code;
  } catch (err) {
    return toFormState(err);
  }
  redirect(`/projects/${projectCode}/integrations?${new URLSearchParams({ saved: channelCode })}`);
}
