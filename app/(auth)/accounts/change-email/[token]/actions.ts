"use server";

import type { FormState } from "@/components/account/form-state";
import { AppError } from "@/lib/errors";
import { confirmEmailChange } from "@/lib/users/confirm-email-change";

/** Uses up the email-change link; the link itself is the proof, so no session is needed. */
export async function confirmEmailChangeAction(token: string): Promise<FormState> {
  try {
    await confirmEmailChange(token);
    return { ok: true, message: "Email address changed." };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.message };
    throw err;
  }
}
