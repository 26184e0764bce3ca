"use server";

import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { confirmChannelEmail } from "@/lib/integrations/email/verification";

/** The "Confirm" button: confirms only on POST, so mail scanners that open links do not. */
export async function confirmEmailAction(channelCode: unknown, token: unknown): Promise<void> {
  // Bound arguments come back from the browser: anything else than two strings is a bad link.
  if (typeof channelCode !== "string" || typeof token !== "string") redirect("/");
  try {
    await confirmChannelEmail({ channelCode, token });
  } catch (err) {
    // The page re-checks the token and explains an invalid link.
    if (!(err instanceof AppError)) throw err;
  }
  redirect(`/integrations/${encodeURIComponent(channelCode)}/verify/${encodeURIComponent(token)}`);
}
