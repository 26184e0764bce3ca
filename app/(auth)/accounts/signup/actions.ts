"use server";

import { headers } from "next/headers";
import type { LinkState } from "@/components/auth/link-state";
import { getClientIp } from "@/lib/auth/get-client-ip";
import { AppError } from "@/lib/errors";
import { signUp } from "@/lib/users/sign-up";

/** Sign-up: creates the account if the address is new and mails a sign-in link either way. */
export async function signUpAction(_state: LinkState, formData: FormData): Promise<LinkState> {
  const email = String(formData.get("email") ?? "");
  const tz = String(formData.get("tz") ?? "") || undefined;
  try {
    return { status: "sent", email: await signUp({ email, tz, ip: getClientIp(await headers()) }) };
  } catch (err) {
    if (err instanceof AppError) return { status: "error", error: err.message, email };
    throw err;
  }
}
