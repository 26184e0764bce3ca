"use server";
// Server actions of the check details page: glue from form fields to the lib/checks verbs, which
// check the user's access and validate with the API's own rules. Every argument, the bound ones
// included, arrives from the browser as JSON, so each action checks their types first: anything
// else is a malformed request that gets a form error, not a query.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ProbeFormState } from "@/components/probes/probe-form";
import type { Actor } from "@/lib/auth/actor";
import { getClientIp } from "@/lib/auth/request-trust";
import { requireActor } from "@/lib/auth/session";
import { clearCheckEvents } from "@/lib/checks/clear-check-events";
import { deleteCheck as deleteCheckVerb } from "@/lib/checks/delete-check";
import { moveCheck as moveCheckVerb } from "@/lib/checks/move-check";
import { pauseCheck as pauseCheckVerb } from "@/lib/checks/pause-check";
import { resumeCheck as resumeCheckVerb } from "@/lib/checks/resume-check";
import { setCheckChannel } from "@/lib/checks/set-check-channel";
import { updateCheck } from "@/lib/checks/update-check";
import { AppError, toFormState, type FormState } from "@/lib/errors";
import { pingCheckNow } from "@/lib/pings/ping-check-now";
import { runCheckProbe } from "@/lib/pings/run-check-probe";
import { tryProbe } from "@/lib/probes/try-probe";
import { lineErrorsState, malformedProbeForm, probeErrorState, readProbeForm } from "../../../probe-form-data";

const detailsPath = (code: string) => `/checks/${code}/details`;

// Form fields use the API's JSON keys, so one action serves every edit form on the page.
const STRING_FIELDS = ["name", "slug", "tags", "desc", "schedule", "tz", "start_kw", "success_kw", "failure_kw", "methods"];
const INT_FIELDS = ["timeout", "grace", "failure_threshold", "reminder_interval"];
const BOOL_FIELDS = ["filter_subject", "filter_body", "filter_http_body", "filter_default_fail", "manual_resume"];

const isText = (value: unknown): value is string => typeof value === "string";

/** The answer to arguments of the wrong type: only a forged or garbled request sends them. */
function malformed(): FormState {
  return toFormState(new AppError("bad_request", "this request was malformed: reload the page and try again"));
}

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

/** Runs a verb as the signed-in user; its AppError becomes the form's message. */
async function run(checkCode: string, work: (actor: Actor) => Promise<unknown>, message: string): Promise<FormState> {
  const actor = await requireActor();
  try {
    await work(actor);
  } catch (err) {
    return toFormState(err);
  }
  revalidatePath(detailsPath(checkCode));
  return { ok: true, message, at: Date.now() };
}

/** Saves whichever check fields the form contains (name, schedule, filters...). */
export async function updateCheckFields(checkCode: unknown, _state: FormState, formData: unknown): Promise<FormState> {
  if (!isText(checkCode) || !(formData instanceof FormData)) return malformed();
  const input = formToBody(formData);
  return run(checkCode, (actor) => updateCheck({ actor, checkCode, input, via: "ui" }), "Saved.");
}

export async function pingNow(checkCode: unknown): Promise<FormState> {
  if (!isText(checkCode)) return malformed();
  const remoteAddr = getClientIp(await headers());
  return run(checkCode, (actor) => pingCheckNow({ actor, checkCode, remoteAddr: remoteAddr === "unknown" ? null : remoteAddr }), "Ping sent.");
}

export async function pauseCheck(checkCode: unknown): Promise<FormState> {
  if (!isText(checkCode)) return malformed();
  return run(checkCode, (actor) => pauseCheckVerb({ actor, checkCode }), "Paused: the check is not monitored until its next ping.");
}

export async function resumeCheck(checkCode: unknown): Promise<FormState> {
  if (!isText(checkCode)) return malformed();
  return run(checkCode, (actor) => resumeCheckVerb({ actor, checkCode }), "Resumed: the check waits for its next ping.");
}

export async function clearEvents(checkCode: unknown): Promise<FormState> {
  if (!isText(checkCode)) return malformed();
  return run(checkCode, (actor) => clearCheckEvents({ actor, checkCode }), "Events cleared.");
}

export async function setChannel(checkCode: unknown, channelCode: unknown, enabled: unknown): Promise<FormState> {
  if (!isText(checkCode) || !isText(channelCode) || typeof enabled !== "boolean") return malformed();
  return run(checkCode, (actor) => setCheckChannel({ actor, checkCode, channelCode, enabled }), enabled ? "Notifications on." : "Notifications off.");
}

export async function moveCheck(checkCode: unknown, _state: FormState, formData: unknown): Promise<FormState> {
  if (!isText(checkCode) || !(formData instanceof FormData)) return malformed();
  const target = formData.get("project");
  if (typeof target !== "string" || !target) {
    return toFormState(new AppError("bad_request", "choose a project to move the check to"));
  }
  const state = await run(checkCode, (actor) => moveCheckVerb({ actor, checkCode, targetProjectCode: target }), "Moved.");
  if (state.ok) revalidatePath(`/projects/${target}/checks`);
  return state;
}

export async function deleteCheck(checkCode: unknown, projectCode: unknown): Promise<FormState> {
  if (!isText(checkCode) || !isText(projectCode)) return malformed();
  const actor = await requireActor();
  try {
    await deleteCheckVerb({ actor, checkCode });
  } catch (err) {
    return toFormState(err);
  }
  revalidatePath(`/projects/${projectCode}/checks`);
  redirect(`/projects/${projectCode}/checks`);
}

/** An active check's probe form: replaces the probe (a changed probe runs at once). */
export async function updateProbe(checkCode: unknown, _state: ProbeFormState, formData: unknown): Promise<ProbeFormState> {
  const submitted = formData instanceof FormData ? readProbeForm(formData) : null;
  if (!isText(checkCode) || !submitted) return malformedProbeForm();
  if (submitted.errors) return lineErrorsState(submitted);
  const actor = await requireActor();
  try {
    await updateCheck({ actor, checkCode, input: { probe: submitted.config }, via: "ui" });
  } catch (err) {
    return probeErrorState(err, submitted.values);
  }
  revalidatePath(detailsPath(checkCode));
  return { ok: true, message: "Saved.", values: submitted.values, at: Date.now() };
}

/** The probe form's "Test" on the check page: the edited probe once, nothing saved. */
export async function testCheckProbe(projectCode: unknown, _state: ProbeFormState, formData: unknown): Promise<ProbeFormState> {
  const submitted = formData instanceof FormData ? readProbeForm(formData) : null;
  if (!isText(projectCode) || !submitted) return malformedProbeForm();
  if (submitted.errors) return lineErrorsState(submitted);
  const actor = await requireActor();
  try {
    const { result } = await tryProbe({ actor, projectCode, probe: submitted.config });
    return { ok: true, result, values: submitted.values, at: Date.now() };
  } catch (err) {
    return probeErrorState(err, submitted.values);
  }
}

/** "Run now": the saved probe runs and is recorded like a scheduled run. */
export async function runProbeNow(checkCode: unknown): Promise<FormState> {
  if (!isText(checkCode)) return malformed();
  const actor = await requireActor();
  let verdict: string;
  try {
    verdict = (await runCheckProbe({ actor, checkCode })).result.status;
  } catch (err) {
    return toFormState(err);
  }
  revalidatePath(detailsPath(checkCode));
  return { ok: true, message: `Ran: ${verdict}.`, at: Date.now() };
}
