"use server";

import { redirect } from "next/navigation";
import { confirmChannelEmail } from "@/lib/channels/confirm-channel-email";
import { AppError } from "@/lib/errors";

/** The "Confirm" button: confirms only on POST, so mail scanners that open links do not. */
export async function confirmEmailAction(channelCode: string, token: string): Promise<void> {
  try {
    await confirmChannelEmail(channelCode, token);
  } catch (err) {
    // The page re-checks the token and explains an invalid link.
    if (!(err instanceof AppError)) throw err;
  }
  redirect(`/integrations/${encodeURIComponent(channelCode)}/verify/${encodeURIComponent(token)}`);
}
