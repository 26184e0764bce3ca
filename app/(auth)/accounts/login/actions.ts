"use server";

import { headers } from "next/headers";
import { requestLoginLink } from "@/lib/auth/request-login-link";
import { getClientIp, safeNextPath } from "@/lib/auth/request-trust";
import { toFormState, type FormState } from "@/lib/errors";

function text(formData: unknown, name: string): string {
  const v = formData instanceof FormData ? formData.get(name) : null;
  return typeof v === "string" ? v : "";
}

/** "Email me a link": mails a sign-in link if the address has an account (not revealed). */
export async function requestLinkAction(_state: FormState, formData: FormData): Promise<FormState> {
  const email = text(formData, "email");
  const next = safeNextPath(text(formData, "next")) ?? undefined;
  try {
    const sentTo = await requestLoginLink({ email, ip: getClientIp(await headers()), next });
    return { ok: true, values: { email: sentTo }, at: Date.now() };
  } catch (err) {
    return { ...toFormState(err), values: { email } };
  }
}
