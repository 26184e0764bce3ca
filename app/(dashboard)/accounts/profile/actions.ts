"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import type { FormState } from "@/components/account/form-state";
import type { EnableState, TotpSetup } from "@/components/account/two-factor-section";
import { disableTotp } from "@/lib/auth/disable-totp";
import { enableTotp } from "@/lib/auth/enable-totp";
import { getTotpQr } from "@/lib/auth/get-totp-qr";
import { endSession, reissueSession } from "@/lib/auth/reissue-session";
import { requireUser } from "@/lib/auth/session";
import { generateTotpSecret, getTotpUri } from "@/lib/auth/totp";
import type { User } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { bumpSessionVersion } from "@/lib/users/bump-session-version";
import { closeAccount } from "@/lib/users/close-account";
import { requestEmailChange } from "@/lib/users/request-email-change";
import { setPassword } from "@/lib/users/set-password";
import { updateAccountSettings } from "@/lib/users/update-account-settings";

const PATH = "/accounts/profile";

function text(formData: FormData, name: string): string {
  const v = formData.get(name);
  return typeof v === "string" ? v : "";
}

/** Expected failures become the form's message; anything else is a bug for the error page. */
function toFormError(err: unknown): FormState {
  if (err instanceof AppError) return { ok: false, error: err.message };
  if (err instanceof ZodError) return { ok: false, error: err.issues[0]?.message ?? "Please check the form." };
  throw err;
}

/**
 * The signed-in user, for actions about signing in (password, email, two-factor, sessions):
 * behind REMOTE_USER_HEADER the proxy owns those, so they are refused here and not only hidden.
 */
async function requireLocalUser(): Promise<User> {
  const user = await requireUser(PATH);
  if (getEnv().remoteUserHeader) throw new AppError("forbidden", "Sign-in is managed by your organisation's proxy.");
  return user;
}

export async function saveSettingsAction(_state: FormState, formData: FormData): Promise<FormState & { theme?: string }> {
  const user = await requireUser(PATH);
  try {
    const updated = await updateAccountSettings(user.id, {
      tz: text(formData, "tz"),
      theme: text(formData, "theme"),
      reports: text(formData, "reports"),
      nagPeriod: text(formData, "nagPeriod"),
    });
    revalidatePath("/", "layout");
    return { ok: true, message: "Settings saved.", theme: updated.theme };
  } catch (err) {
    return toFormError(err);
  }
}

export async function setPasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireLocalUser();
    const password = text(formData, "password");
    if (password !== text(formData, "confirm")) return { ok: false, error: "The two new passwords do not match." };
    const updated = await setPassword(user.id, { currentPassword: text(formData, "current") || undefined, password });
    await reissueSession(updated);
    revalidatePath(PATH);
    return { ok: true, message: "Password saved. Any other sessions have been signed out." };
  } catch (err) {
    return toFormError(err);
  }
}

export async function requestEmailChangeAction(_state: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireLocalUser();
    await requestEmailChange(user.id, text(formData, "email"));
    return { ok: true, message: "We sent a confirmation link to the new address. Your address changes when you open it (within an hour)." };
  } catch (err) {
    return toFormError(err);
  }
}

/** A fresh secret for the authenticator app; nothing is stored until enableTotpAction. */
export async function startTotpSetupAction(): Promise<TotpSetup> {
  const user = await requireLocalUser();
  const secret = generateTotpSecret();
  return { secret, qr: await getTotpQr(getTotpUri(secret, user.email, getEnv().siteName)) };
}

export async function enableTotpAction(_state: EnableState, formData: FormData): Promise<EnableState> {
  try {
    const user = await requireLocalUser();
    const backupCodes = await enableTotp(user.id, text(formData, "secret"), text(formData, "code"));
    revalidatePath(PATH);
    return { ok: true, backupCodes };
  } catch (err) {
    return toFormError(err);
  }
}

export async function disableTotpAction(_state: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireLocalUser();
    await disableTotp(user, text(formData, "code"));
    revalidatePath(PATH);
    return { ok: true, message: "Two-factor authentication is off." };
  } catch (err) {
    return toFormError(err);
  }
}

export async function signOutOtherSessionsAction(): Promise<FormState> {
  try {
    const user = await requireLocalUser();
    await reissueSession(await bumpSessionVersion(user.id));
    return { ok: true, message: "All other sessions have been signed out." };
  } catch (err) {
    return toFormError(err);
  }
}

export async function closeAccountAction(_state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser(PATH);
  try {
    await closeAccount(user.id, text(formData, "confirmation"));
  } catch (err) {
    return toFormError(err);
  }
  await endSession();
  redirect("/accounts/login?closed=1");
}
