"use server";

import { toFormState, type FormState } from "@/lib/errors";
import { confirmEmailChange } from "@/lib/users/confirm-email-change";

/** Uses up the email-change link; the link itself is the proof, so no session is needed. */
export async function confirmEmailChangeAction(token: string): Promise<FormState> {
  try {
    await confirmEmailChange(token);
    return { ok: true, message: "Email address changed.", at: Date.now() };
  } catch (err) {
    return toFormState(err);
  }
}
