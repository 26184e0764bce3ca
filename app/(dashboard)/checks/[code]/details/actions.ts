"use server";
// Server actions of the check details page: thin glue from form fields to lib/checks, whose
// *AsUser functions check the user's access and validate with the API's own rules.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionState } from "@/components/checks/action-state";
import { getClientIp } from "@/lib/auth/request-trust";
import { userActor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/session";
import { clearCheckEventsAsUser } from "@/lib/checks/clear-check-events-as-user";
import { deleteCheckAsUser } from "@/lib/checks/delete-check-as-user";
import { editCheckAsUser } from "@/lib/checks/edit-check-as-user";
import { moveCheckAsUser } from "@/lib/checks/move-check-as-user";
import { pauseCheck as pauseCheckVerb } from "@/lib/checks/pause-check";
import { pingCheckAsUser } from "@/lib/checks/ping-check-as-user";
import { resumeCheckAsUser } from "@/lib/checks/resume-check-as-user";
import { setCheckChannelAsUser } from "@/lib/checks/set-check-channel-as-user";
import { AppError } from "@/lib/errors";

const detailsPath = (code: string) => `/checks/${code}/details`;

// Form fields use the API's JSON keys, so one action serves every edit form on the page.
const STRING_FIELDS = ["name", "slug", "tags", "desc", "schedule", "tz", "start_kw", "success_kw", "failure_kw", "methods"];
const INT_FIELDS = ["timeout", "grace", "failure_threshold", "reminder_interval"];
const BOOL_FIELDS = ["filter_subject", "filter_body", "filter_http_body", "filter_default_fail", "manual_resume"];
const API_PREFIX = "json validation error: ";

function formToBody(formData: FormData): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of STRING_FIELDS) {
    const value = formData.get(field);
    if (typeof value === "string") body[field] = value;
  }
  // Like Healthchecks' forms: surrounding spaces dropped, tags separated by single spaces.
  if (typeof body.name === "string") body.name = body.name.trim();
  if (typeof body.tags === "string") body.tags = body.tags.split(/\s+/).filter(Boolean).join(" ");
  for (const field of INT_FIELDS) {
    const value = formData.get(field);
    // Anything but digits goes through as a string and gets the API's "is not a number".
    if (typeof value === "string") body[field] = /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  }
  // Unchecked checkboxes are not submitted, so each form lists the ones it contains.
  const booleans = String(formData.get("_booleans") ?? "").split(",");
  for (const field of BOOL_FIELDS) {
    if (booleans.includes(field)) body[field] = formData.get(field) === "on";
  }
  return body;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Expected failures become a message on the form; anything else is a bug for the error page. */
function toActionError(err: unknown): ActionState {
  if (!(err instanceof AppError)) throw err;
  const at = Date.now();
  if (err.code === "not_found") return { error: "This check no longer exists, or you have no access to it.", at };
  if (err.code === "forbidden") return { error: capitalize(err.message || "you do not have permission to do this"), at };
  if (err.message.startsWith(API_PREFIX)) {
    const message = err.message.slice(API_PREFIX.length);
    return { error: capitalize(message), field: message.split(" ")[0], at };
  }
  return { error: capitalize(err.message), at };
}

async function run(checkCode: string, work: (userId: number) => Promise<unknown>, message: string): Promise<ActionState> {
  const user = await requireUser();
  try {
    await work(user.id);
  } catch (err) {
    return toActionError(err);
  }
  revalidatePath(detailsPath(checkCode));
  return { ok: true, message, at: Date.now() };
}

/** Saves whichever check fields the form contains (name, schedule, filters...). */
export async function updateCheckFields(checkCode: string, _state: ActionState, formData: FormData): Promise<ActionState> {
  return run(checkCode, (userId) => editCheckAsUser(userId, checkCode, formToBody(formData)), "Saved.");
}

export async function pingNow(checkCode: string): Promise<ActionState> {
  const remoteAddr = getClientIp(await headers());
  return run(checkCode, (userId) => pingCheckAsUser(userId, checkCode, remoteAddr === "unknown" ? null : remoteAddr), "Ping sent.");
}

export async function pauseCheck(checkCode: string): Promise<ActionState> {
  return run(checkCode, (userId) => pauseCheckVerb({ actor: userActor(userId), checkCode }), "Paused: the check is not monitored until its next ping.");
}

export async function resumeCheck(checkCode: string): Promise<ActionState> {
  return run(checkCode, (userId) => resumeCheckAsUser(userId, checkCode), "Resumed: the check waits for its next ping.");
}

export async function clearEvents(checkCode: string): Promise<ActionState> {
  return run(checkCode, (userId) => clearCheckEventsAsUser(userId, checkCode), "Events cleared.");
}

export async function setChannel(checkCode: string, channelCode: string, enabled: boolean): Promise<ActionState> {
  return run(checkCode, (userId) => setCheckChannelAsUser(userId, checkCode, channelCode, enabled), enabled ? "Notifications on." : "Notifications off.");
}

export async function moveCheck(checkCode: string, _state: ActionState, formData: FormData): Promise<ActionState> {
  const target = formData.get("project");
  if (typeof target !== "string" || !target) return { error: "Choose a project to move the check to.", at: Date.now() };
  const state = await run(checkCode, (userId) => moveCheckAsUser(userId, checkCode, target), "Moved.");
  if (state.ok) revalidatePath(`/projects/${target}/checks`);
  return state;
}

export async function deleteCheck(checkCode: string, projectCode: string): Promise<ActionState> {
  const user = await requireUser();
  try {
    await deleteCheckAsUser(user.id, checkCode);
  } catch (err) {
    return toActionError(err);
  }
  revalidatePath(`/projects/${projectCode}/checks`);
  redirect(`/projects/${projectCode}/checks`);
}
