"use server";
// Connects the chat of a /start link to the project the signed-in user picked.
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { addChannel } from "@/lib/channels/add-channel";
import { AppError } from "@/lib/errors";
import { readTelegramChatToken } from "@/lib/telegram/chat-token";

export interface ConnectState {
  error?: string;
}

export async function connectTelegramChat(token: string, _prev: ConnectState, formData: FormData): Promise<ConnectState> {
  const user = await requireUser();
  const chat = readTelegramChatToken(token);
  if (!chat) return { error: "This link has expired or is not valid. Send /start to the bot again." };
  const projectCode = formData.get("project");
  if (typeof projectCode !== "string" || !projectCode) return { error: "Pick a project." };
  let channelCode: string;
  try {
    const { channel } = await addChannel(user.id, projectCode, { kind: "telegram", name: chat.name, config: chat });
    channelCode = channel.code;
  } catch (err) {
    if (err instanceof AppError) return { error: err.code === "not_found" ? "You cannot add integrations to that project." : err.message };
    throw err;
  }
  redirect(`/projects/${projectCode}/integrations?${new URLSearchParams({ saved: channelCode })}`);
}
