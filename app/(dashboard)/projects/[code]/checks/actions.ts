"use server";
// The dashboard's server action: glue to lib/checks, which checks the user's access.
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { createCheck } from "@/lib/checks/create-check";
import { setCheckChannel } from "@/lib/checks/set-check-channel";
import type { ProbeFormState } from "@/components/probes/probe-form";
import { AppError, toFormState, type FormState } from "@/lib/errors";
import { tryProbe } from "@/lib/probes/try-probe";
import { lineErrorsState, malformedProbeForm, probeErrorState, readProbeForm } from "../../../probe-form-data";

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

/**
 * "Add check" for a website or service: a check with the submitted probe, notifying every
 * channel of the project like the cron job flow; its page opens. Field errors come back by field.
 */
export async function createProbeCheck(projectCode: unknown, _state: ProbeFormState, formData: FormData): Promise<ProbeFormState> {
  const submitted = readProbeForm(formData);
  if (typeof projectCode !== "string" || !submitted) return malformedProbeForm();
  if (submitted.errors) return lineErrorsState(submitted);
  const actor = await requireActor();
  let code: string;
  try {
    const input = { name: (submitted.values.name ?? "").trim(), probe: submitted.config, channels: "*" };
    code = (await createCheck({ actor, projectCode, input })).check.code;
  } catch (err) {
    return probeErrorState(err, submitted.values);
  }
  redirect(`/checks/${code}/details`);
}

/** The form's "Test": runs the submitted probe once, saving nothing, and shows the run. */
export async function testProbe(projectCode: unknown, _state: ProbeFormState, formData: FormData): Promise<ProbeFormState> {
  const submitted = readProbeForm(formData);
  if (typeof projectCode !== "string" || !submitted) return malformedProbeForm();
  if (submitted.errors) return lineErrorsState(submitted);
  const actor = await requireActor();
  try {
    const { result } = await tryProbe({ actor, projectCode, probe: submitted.config });
    return { ok: true, result, values: submitted.values, at: Date.now() };
  } catch (err) {
    return probeErrorState(err, submitted.values);
  }
}
