"use server";
// The dashboard's server action: glue to lib/checks, which checks the user's access.
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { createCheck } from "@/lib/checks/create-check";
import { setCheckChannel } from "@/lib/checks/set-check-channel";
import { AppError, toFormState, type FormState } from "@/lib/errors";

/**
 * "Add check": a check with the defaults that notifies every channel of the project, as
 * Healthchecks' UI makes it, then its page opens for naming. The project code is bound in the
 * browser, so its type is checked before anything else.
 */
export async function addCheck(projectCode: unknown, _state: FormState): Promise<FormState> {
  if (typeof projectCode !== "string") {
    return toFormState(new AppError("bad_request", "this request was malformed: reload the page and try again"));
  }
  const actor = await requireActor();
  let code: string;
  try {
    code = (await createCheck({ actor, projectCode, input: { channels: "*" } })).check.code;
  } catch (err) {
    return toFormState(err);
  }
  redirect(`/checks/${code}/details?new=1`);
}

/**
 * A row's integration switch: turns a channel on or off for a check, as the check page's
 * switches do. Every argument arrives from the browser, so their types are checked first.
 */
export async function setChannel(checkCode: unknown, channelCode: unknown, enabled: unknown): Promise<FormState> {
  if (typeof checkCode !== "string" || typeof channelCode !== "string" || typeof enabled !== "boolean") {
    return toFormState(new AppError("bad_request", "this request was malformed: reload the page and try again"));
  }
  const actor = await requireActor();
  try {
    await setCheckChannel({ actor, checkCode, channelCode, enabled });
  } catch (err) {
    return toFormState(err);
  }
  return { ok: true, message: enabled ? "Notifications on." : "Notifications off.", at: Date.now() };
}
