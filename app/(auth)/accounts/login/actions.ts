"use server";

import { headers } from "next/headers";
import type { LinkState } from "@/components/auth/link-state";
import { getClientIp } from "@/lib/auth/get-client-ip";
import { requestLoginLink } from "@/lib/auth/request-login-link";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { AppError } from "@/lib/errors";

/** "Email me a link": mails a sign-in link if the address has an account (not revealed). */
export async function requestLinkAction(_state: LinkState, formData: FormData): Promise<LinkState> {
  const email = String(formData.get("email") ?? "");
  const next = safeNextPath(String(formData.get("next") ?? "")) ?? undefined;
  try {
    return { status: "sent", email: await requestLoginLink({ email, ip: getClientIp(await headers()), next }) };
  } catch (err) {
    if (err instanceof AppError) return { status: "error", error: err.message, email };
    throw err;
  }
}
