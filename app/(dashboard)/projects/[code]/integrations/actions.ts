"use server";
// Server actions of the integrations pages: glue from form fields to the channel verbs, which
// check the user's access and validate with the API's own schemas. Every form is described by
// its kind's descriptor, so one save action serves all of them. Arguments come back from the
// browser and may be anything (a hand-made request can send [], [null] or [{}]), so each is
// checked before use and a wrong one is a form error, never a crash.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { createChannel, type ChannelSaveResult } from "@/lib/channels/create-channel";
import { deleteChannel } from "@/lib/channels/delete-channel";
import { sendTestNotification } from "@/lib/channels/send-test-notification";
import { setChannelChecks } from "@/lib/channels/set-channel-checks";
import { updateChannel } from "@/lib/channels/update-channel";
import { toFormState, type FormState } from "@/lib/errors";
import { resendConfirmation } from "@/lib/channels/resend-confirmation";
import { checkKindForm, readFormValues, toKindFormState } from "@/lib/integrations/forms";
import { getKind } from "@/lib/integrations/registry";

const listPath = (projectCode: string) => `/projects/${projectCode}/integrations`;

const BAD_REQUEST: FormState = { ok: false, error: "This form could not be read. Reload the page and try again." };

const isText = (v: unknown): v is string => typeof v === "string" && v !== "";

/**
 * The add and edit forms of every kind: reads the kind's fields, shows the form's own
 * problems next to them, then creates (channelCode null: attached to every check of the
 * project) or updates the channel (saving re-enables it), and returns to the list with a note
 * about an email confirmation.
 */
export async function saveChannelAction(
  kind: unknown,
  projectCode: unknown,
  channelCode: unknown,
  _prev: FormState,
  formData: unknown,
): Promise<FormState> {
  if (!isText(kind) || !isText(projectCode) || !(channelCode === null || isText(channelCode)) || !(formData instanceof FormData)) {
    return BAD_REQUEST;
  }
  const descriptor = getKind(kind);
  if (!descriptor?.form || descriptor.form.layout === "connect") return { ok: false, error: "This kind of integration has no setup form." };
  const actor = await requireActor();
  const values = readFormValues(descriptor.form, formData);
  const at = Date.now();
  const checked = checkKindForm(descriptor, values);
  if (!checked.ok) return { ok: false, fieldErrors: checked.fieldErrors, values, at };

  let result: ChannelSaveResult;
  try {
    const input = { kind, name: checked.name, config: checked.config };
    result = channelCode
      ? await updateChannel({ actor, channelCode, input, reenable: true })
      : await createChannel({ actor, projectCode, input: { ...input, checks: "*" } });
  } catch (err) {
    return toKindFormState(err, descriptor, values);
  }
  revalidatePath(listPath(projectCode));
  const params = new URLSearchParams({ saved: result.channel.code });
  if (result.verificationSent) params.set("verify", "sent");
  if (result.verificationError) params.set("verify", "failed");
  redirect(`${listPath(projectCode)}?${params}`);
}

export async function sendTestAction(projectCode: unknown, channelCode: unknown): Promise<FormState> {
  if (!isText(projectCode) || !isText(channelCode)) return BAD_REQUEST;
  const actor = await requireActor();
  try {
    const { error } = await sendTestNotification({ actor, channelCode });
    revalidatePath(listPath(projectCode));
    return error ? { ok: false, error: `Could not send a test notification: ${error}`, at: Date.now() } : { ok: true, message: "Test notification sent.", at: Date.now() };
  } catch (err) {
    return toFormState(err);
  }
}

export async function resendVerificationAction(channelCode: unknown): Promise<FormState> {
  if (!isText(channelCode)) return BAD_REQUEST;
  const actor = await requireActor();
  try {
    await resendConfirmation({ actor, channelCode });
    return { ok: true, message: "Confirmation link sent.", at: Date.now() };
  } catch (err) {
    return toFormState(err);
  }
}

export async function deleteChannelAction(projectCode: unknown, channelCode: unknown): Promise<FormState> {
  if (!isText(projectCode) || !isText(channelCode)) return BAD_REQUEST;
  const actor = await requireActor();
  try {
    await deleteChannel({ actor, channelCode });
  } catch (err) {
    return toFormState(err);
  }
  revalidatePath(listPath(projectCode));
  redirect(listPath(projectCode));
}

export async function assignChecksAction(projectCode: unknown, channelCode: unknown, _prev: FormState, formData: unknown): Promise<FormState> {
  if (!isText(projectCode) || !isText(channelCode) || !(formData instanceof FormData)) return BAD_REQUEST;
  const actor = await requireActor();
  const checkCodes = formData.getAll("check").filter((v): v is string => typeof v === "string");
  try {
    await setChannelChecks({ actor, channelCode, checkCodes });
  } catch (err) {
    return toFormState(err);
  }
  revalidatePath(listPath(projectCode));
  return { ok: true, message: "Saved.", at: Date.now() };
}

/**
 * The card's "notify when degraded" switch: whether the channel also tells about an active check
 * turning degraded (slow, or its certificate about to expire) and back.
 */
export async function setNotifyDegradedAction(projectCode: unknown, channelCode: unknown, enabled: unknown): Promise<FormState> {
  if (!isText(projectCode) || !isText(channelCode) || typeof enabled !== "boolean") return BAD_REQUEST;
  const actor = await requireActor();
  try {
    await updateChannel({ actor, channelCode, input: { notify_degraded: enabled } });
  } catch (err) {
    return toFormState(err);
  }
  revalidatePath(listPath(projectCode));
  return { ok: true, message: enabled ? "Degraded checks are notified." : "Degraded checks are not notified.", at: Date.now() };
}
