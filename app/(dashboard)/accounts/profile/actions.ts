"use server";
// Each action signs the user in and calls the account verb with them as the actor; refusals
// become the form's FormState. Arguments are read defensively: an action id can be called with
// anything.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { EnableState, TotpSetup } from "@/components/account/two-factor-section";
import type { Actor } from "@/lib/auth/actor";
import { disableTotp } from "@/lib/auth/disable-totp";
import { enableTotp } from "@/lib/auth/enable-totp";
import { endSession, reissueSession, requireActor, requireUser } from "@/lib/auth/session";
import { generateTotpSecret, getTotpQr, getTotpUri } from "@/lib/auth/totp";
import { getEnv } from "@/lib/env";
import { AppError, toFormState, type FormState } from "@/lib/errors";
import { bumpSessionVersion } from "@/lib/users/bump-session-version";
import { closeAccount } from "@/lib/users/close-account";
import { requestEmailChange } from "@/lib/users/request-email-change";
import { setPassword } from "@/lib/users/set-password";
import { updateAccountSettings } from "@/lib/users/update-account-settings";

const PATH = "/accounts/profile";

function text(formData: unknown, name: string): string {
  const v = formData instanceof FormData ? formData.get(name) : null;
  return typeof v === "string" ? v : "";
}

/**
 * The signed-in user as an actor, for actions about signing in (password, email, two-factor,
 * sessions): behind REMOTE_USER_HEADER the proxy owns those, so they are refused here and not
 * only hidden.
 */
async function requireLocalActor(): Promise<Actor> {
  const actor = await requireActor(PATH);
  if (getEnv().remoteUserHeader) throw new AppError("forbidden", "Sign-in is managed by your organisation's proxy.");
  return actor;
}

export async function saveSettingsAction(_state: FormState, formData: FormData): Promise<FormState & { theme?: string }> {
  try {
    const settings = { tz: text(formData, "tz"), theme: text(formData, "theme"), reports: text(formData, "reports"), nagPeriod: text(formData, "nagPeriod") };
    const updated = await updateAccountSettings({ actor: await requireActor(PATH), settings });
    revalidatePath("/", "layout");
    return { ok: true, message: "Settings saved.", theme: updated.theme, at: Date.now() };
  } catch (err) {
    return toFormState(err);
  }
}

export async function setPasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireLocalActor();
    const password = text(formData, "password");
    if (password !== text(formData, "confirm")) throw new AppError("bad_request", "The two new passwords do not match.", { field: "confirm" });
    const updated = await setPassword({ actor, currentPassword: text(formData, "current") || undefined, password });
    await reissueSession(updated);
    revalidatePath(PATH);
    return { ok: true, message: "Password saved. Any other sessions have been signed out.", at: Date.now() };
  } catch (err) {
    return toFormState(err);
  }
}

export async function requestEmailChangeAction(_state: FormState, formData: FormData): Promise<FormState> {
  try {
    await requestEmailChange({ actor: await requireLocalActor(), newEmail: text(formData, "email") });
    return {
      ok: true,
      message: "We sent a confirmation link to the new address. Your address changes when you open it (within an hour).",
      at: Date.now(),
    };
  } catch (err) {
    return toFormState(err);
  }
}

/** A fresh secret for the authenticator app; nothing is stored until enableTotpAction. */
export async function startTotpSetupAction(): Promise<TotpSetup> {
  const user = await requireUser(PATH);
  if (getEnv().remoteUserHeader) throw new AppError("forbidden", "Sign-in is managed by your organisation's proxy.");
  const secret = generateTotpSecret();
  return { secret, qr: await getTotpQr(getTotpUri(secret, user.email, getEnv().siteName)) };
}

export async function enableTotpAction(_state: EnableState, formData: FormData): Promise<EnableState> {
  try {
    const backupCodes = await enableTotp({ actor: await requireLocalActor(), secret: text(formData, "secret"), code: text(formData, "code") });
    revalidatePath(PATH);
    return { ok: true, backupCodes, at: Date.now() };
  } catch (err) {
    return toFormState(err);
  }
}

export async function disableTotpAction(_state: FormState, formData: FormData): Promise<FormState> {
  try {
    await disableTotp({ actor: await requireLocalActor(), code: text(formData, "code") });
    revalidatePath(PATH);
    return { ok: true, message: "Two-factor authentication is off.", at: Date.now() };
  } catch (err) {
    return toFormState(err);
  }
}

export async function signOutOtherSessionsAction(): Promise<FormState> {
  try {
    await reissueSession(await bumpSessionVersion({ actor: await requireLocalActor() }));
    return { ok: true, message: "All other sessions have been signed out.", at: Date.now() };
  } catch (err) {
    return toFormState(err);
  }
}

export async function closeAccountAction(_state: FormState, formData: FormData): Promise<FormState> {
  try {
    await closeAccount({ actor: await requireActor(PATH), confirmation: text(formData, "confirmation") });
  } catch (err) {
    return toFormState(err);
  }
  await endSession();
  redirect("/accounts/login?closed=1");
}
