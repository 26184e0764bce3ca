"use server";
// Server actions of the integrations pages: thin glue from form fields to lib/channels, which
// checks the user's access and validates with the API's own schemas.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/integrations/form-state";
import { getWebhookUrlKind } from "@/components/integrations/kinds";
import { getSettingsKind } from "@/components/integrations/settings-kinds";
import { requireUser } from "@/lib/auth/session";
import { addChannel, type ChannelSaveResult } from "@/lib/channels/add-channel";
import { editChannel } from "@/lib/channels/edit-channel";
import { getConfigErrors } from "@/lib/channels/get-config-errors";
import { joinMatrixRoom } from "@/lib/channels/join-matrix-room";
import { parseHeaderLines } from "@/lib/channels/parse-header-lines";
import { removeChannel } from "@/lib/channels/remove-channel";
import { resendVerification } from "@/lib/channels/resend-verification";
import { sendTestNotification } from "@/lib/channels/send-test-notification";
import { setChannelChecks } from "@/lib/channels/set-channel-checks";
import { AppError } from "@/lib/errors";
import { MailError } from "@/lib/mail";

const listPath = (projectCode: string) => `/projects/${projectCode}/integrations`;

const CHOOSE_EVENT = "Choose at least one event to be notified about.";

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Expected failures become a form message; anything else is a bug for the error boundary. */
function toFormError(err: unknown, state: FormState = {}): FormState {
  if (err instanceof AppError) {
    const error = err.code === "not_found" ? "This integration or project no longer exists, or you have no access to it." : capitalize(err.message);
    return { ...state, error };
  }
  if (err instanceof MailError) return { ...state, error: `Could not send the email: ${err.message}` };
  throw err;
}

/** Saves (adds when channelCode is null), then returns to the list with a note about confirmation. */
async function save(
  projectCode: string,
  channelCode: string | null,
  input: { kind: string; name: string; config: Record<string, unknown> },
  state: FormState,
): Promise<FormState> {
  const user = await requireUser();
  let result: ChannelSaveResult;
  try {
    result = channelCode
      ? await editChannel(user.id, channelCode, { name: input.name, config: input.config })
      : await addChannel(user.id, projectCode, input);
  } catch (err) {
    return toFormError(err, state);
  }
  revalidatePath(listPath(projectCode));
  const params = new URLSearchParams({ saved: result.channel.code });
  if (result.verificationSent) params.set("verify", "sent");
  if (result.verificationError) params.set("verify", "failed");
  redirect(`${listPath(projectCode)}?${params}`);
}

export async function saveEmailChannel(
  projectCode: string,
  channelCode: string | null,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = { value: text(formData, "value").trim(), name: text(formData, "name"), up: text(formData, "up"), down: text(formData, "down") };
  const state: FormState = { values, attempt: Date.now() };
  const config = { value: values.value, up: values.up === "on", down: values.down === "on" };
  const fieldErrors = getConfigErrors("email", config);
  if (!config.up && !config.down) fieldErrors.events = CHOOSE_EVENT;
  if (fieldErrors.value) fieldErrors.value = values.value ? "Enter a valid email address." : "Enter an email address.";
  if (Object.keys(fieldErrors).length) return { ...state, fieldErrors };
  return save(projectCode, channelCode, { kind: "email", name: values.name, config }, state);
}

const STATUSES = ["down", "up"] as const;

export async function saveWebhookChannel(
  projectCode: string,
  channelCode: string | null,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const values: Record<string, string> = { name: text(formData, "name") };
  for (const status of STATUSES) {
    for (const field of ["method", "url", "body", "headers"]) values[`${field}_${status}`] = text(formData, `${field}_${status}`);
    values[`url_${status}`] = values[`url_${status}`].trim();
  }
  const state: FormState = { values, attempt: Date.now() };

  const config: Record<string, unknown> = {};
  const fieldErrors: Record<string, string> = {};
  for (const status of STATUSES) {
    const method = values[`method_${status}`];
    const headers = parseHeaderLines(values[`headers_${status}`]);
    if (headers.error) fieldErrors[`headers_${status}`] = headers.error;
    config[`method_${status}`] = method;
    config[`url_${status}`] = values[`url_${status}`];
    // Only POST and PUT send a body; don't keep a hidden one around for GET.
    config[`body_${status}`] = method === "POST" || method === "PUT" ? values[`body_${status}`] : "";
    config[`headers_${status}`] = headers.headers;
  }
  for (const [key, message] of Object.entries(getConfigErrors("webhook", config))) {
    if (key === "") fieldErrors.url_down ??= "Enter a URL for the down event, the up event, or both.";
    else fieldErrors[key] ??= capitalize(message);
  }
  if ([...values.name].length > 100) fieldErrors.name = "Must be at most 100 characters.";
  if (Object.keys(fieldErrors).length) return { ...state, fieldErrors };
  return save(projectCode, channelCode, { kind: "webhook", name: values.name, config }, state);
}

/** The chat kinds whose one setting is an incoming-webhook URL (components/integrations/kinds.ts). */
export async function saveWebhookUrlChannel(
  kind: string,
  projectCode: string,
  channelCode: string | null,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = { value: text(formData, "value").trim(), name: text(formData, "name") };
  const state: FormState = { values, attempt: Date.now() };
  // Bound arguments come back from the browser, so the kind is checked, not trusted.
  if (!getWebhookUrlKind(kind)) return { ...state, error: "This kind of integration has no webhook URL form." };
  const config = { value: values.value };
  const fieldErrors = getConfigErrors(kind, config);
  if (fieldErrors.value) {
    fieldErrors.value = values.value ? "Enter the full webhook URL, starting with https://." : "Paste the webhook URL.";
  }
  if ([...values.name].length > 100) fieldErrors.name = "Must be at most 100 characters.";
  if (Object.keys(fieldErrors).length) return { ...state, fieldErrors };
  return save(projectCode, channelCode, { kind, name: values.name, config }, state);
}

// The schemas' whole-config rules name API keys ("needs cmd_down or cmd_up"); the forms say it
// in the words of their fields.
const FORM_RULE_MESSAGES: Readonly<Record<string, string>> = {
  shell: "Enter a command for the down event, the up event, or both.",
  sms: CHOOSE_EVENT,
  whatsapp: CHOOSE_EVENT,
  signal: CHOOSE_EVENT,
};

/** The push and incident kinds of components/integrations/settings-kinds.ts (ntfy, Pushover...). */
export async function saveSettingsChannel(
  kind: string,
  projectCode: string,
  channelCode: string | null,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const settings = getSettingsKind(kind);
  const values: Record<string, string> = { name: text(formData, "name") };
  for (const field of settings?.fields ?? []) values[field.name] = text(formData, field.name).trim();
  const state: FormState = { values, attempt: Date.now() };
  // Bound arguments come back from the browser, so the kind is checked, not trusted.
  if (!settings) return { ...state, error: "This kind of integration has no settings form." };
  const config = settings.toConfig(values);
  const fieldErrors: Record<string, string> = {};
  for (const [key, message] of Object.entries(getConfigErrors(kind, config))) {
    const name = settings.errorFields?.[key] ?? key;
    const field = settings.fields.find((f) => f.name === name);
    fieldErrors[name] ??=
      key === "" && FORM_RULE_MESSAGES[kind]
        ? FORM_RULE_MESSAGES[kind]
        : field?.required && !values[name]
          ? `Enter the ${field.label.toLowerCase()}.`
          : `${capitalize(message)}.`;
  }
  if ([...values.name].length > 100) fieldErrors.name = "Must be at most 100 characters.";
  if (Object.keys(fieldErrors).length) return { ...state, fieldErrors };
  if (kind === "matrix" && !channelCode) {
    // The bot joins the room first, as Healthchecks does, and the room id it resolves is stored.
    await requireUser();
    const joined = await joinMatrixRoom(values.value);
    if ("error" in joined) return { ...state, fieldErrors: { value: joined.error } };
    return save(projectCode, channelCode, { kind, name: values.name, config: { value: joined.roomId } }, state);
  }
  return save(projectCode, channelCode, { kind, name: values.name, config: config as Record<string, unknown> }, state);
}

/**
 * The group form: the ticked member integrations (repeated "channels" fields, as Healthchecks'
 * GroupForm names them). lib/channels checks they are non-group channels of the project.
 */
export async function saveGroupChannel(
  projectCode: string,
  channelCode: string | null,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const codes = [...new Set(formData.getAll("channels").filter((v): v is string => typeof v === "string" && v !== ""))];
  const values = { name: text(formData, "name"), channels: codes.join(",") };
  const state: FormState = { values, attempt: Date.now() };
  const fieldErrors: Record<string, string> = {};
  if (codes.length === 0) fieldErrors.channels = "Choose at least one integration.";
  if ([...values.name].length > 100) fieldErrors.name = "Must be at most 100 characters.";
  if (Object.keys(fieldErrors).length) return { ...state, fieldErrors };
  return save(projectCode, channelCode, { kind: "group", name: values.name, config: { value: values.channels } }, state);
}

export async function sendTestAction(projectCode: string, channelCode: string): Promise<FormState> {
  const user = await requireUser();
  try {
    const { error } = await sendTestNotification(user.id, channelCode);
    revalidatePath(listPath(projectCode));
    return error ? { error: `Could not send a test notification: ${error}` } : { message: "Test notification sent." };
  } catch (err) {
    return toFormError(err);
  }
}

export async function resendVerificationAction(channelCode: string): Promise<FormState> {
  const user = await requireUser();
  try {
    await resendVerification(user.id, channelCode);
    return { message: "Confirmation link sent." };
  } catch (err) {
    return toFormError(err);
  }
}

export async function deleteChannelAction(projectCode: string, channelCode: string): Promise<FormState> {
  const user = await requireUser();
  try {
    await removeChannel(user.id, channelCode);
  } catch (err) {
    return toFormError(err);
  }
  revalidatePath(listPath(projectCode));
  redirect(listPath(projectCode));
}

export async function assignChecksAction(
  projectCode: string,
  channelCode: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await requireUser();
  const codes = formData.getAll("check").filter((v): v is string => typeof v === "string");
  try {
    await setChannelChecks(user.id, channelCode, codes);
  } catch (err) {
    return toFormError(err);
  }
  revalidatePath(listPath(projectCode));
  return { message: "Saved." };
}
