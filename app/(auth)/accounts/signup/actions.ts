"use server";

import { headers } from "next/headers";
import { getClientIp } from "@/lib/auth/request-trust";
import { toFormState, type FormState } from "@/lib/errors";
import { signUp } from "@/lib/users/sign-up";

function text(formData: unknown, name: string): string {
  const v = formData instanceof FormData ? formData.get(name) : null;
  return typeof v === "string" ? v : "";
}

/** Sign-up: creates the account if the address is new and mails a sign-in link either way. */
export async function signUpAction(_state: FormState, formData: FormData): Promise<FormState> {
  const email = text(formData, "email");
  const tz = text(formData, "tz") || undefined;
  try {
    const sentTo = await signUp({ email, tz, ip: getClientIp(await headers()) });
    return { ok: true, values: { email: sentTo }, at: Date.now() };
  } catch (err) {
    return { ...toFormState(err), values: { email } };
  }
}
