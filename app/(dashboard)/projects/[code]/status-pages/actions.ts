"use server";
// Server actions of the status-page screens: glue from form fields (form-input.ts) to the
// status-page verbs, which check the user's access (owners and managers change pages) and
// validate; their errors come back to the form on the field they name. Arguments come from the
// browser and may be anything, so each is checked before use.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { toFormState, type FormState } from "@/lib/errors";
import { cancelMaintenance } from "@/lib/status-pages/cancel-maintenance";
import { createIncident } from "@/lib/status-pages/create-incident";
import { createIncidentUpdate } from "@/lib/status-pages/create-incident-update";
import { createMaintenance } from "@/lib/status-pages/create-maintenance";
import { createStatusPage } from "@/lib/status-pages/create-status-page";
import { deleteIncident } from "@/lib/status-pages/delete-incident";
import { deleteStatusPage } from "@/lib/status-pages/delete-status-page";
import { findStatusPage } from "@/lib/status-pages/queries";
import { deleteSubscriber } from "@/lib/status-pages/subscribers";
import { updateMaintenance } from "@/lib/status-pages/update-maintenance";
import { updateStatusPage } from "@/lib/status-pages/update-status-page";
import { formValues, readIncidentInput, readIncidentUpdateInput, readMaintenanceInput, readPageSpec } from "./form-input";

const BAD_REQUEST: FormState = { ok: false, error: "This form could not be read. Reload the page and try again." };
const isText = (v: unknown): v is string => typeof v === "string" && v !== "";

const listPath = (projectCode: string) => `/projects/${projectCode}/status-pages`;
const pagePath = (projectCode: string, pageCode: string) => `${listPath(projectCode)}/${pageCode}`;

/** A refused submission: the verb's message on its field, and what was typed. */
function refused(err: unknown, form: FormData): FormState {
  return { ...toFormState(err), values: formValues(form) };
}

/** The page editor: creates the page (pageCode null) or saves its settings and components. */
export async function savePageAction(projectCode: unknown, pageCode: unknown, _prev: FormState, form: unknown): Promise<FormState> {
  if (!isText(projectCode) || !(pageCode === null || isText(pageCode)) || !(form instanceof FormData)) return BAD_REQUEST;
  const actor = await requireActor();
  const spec = readPageSpec(form);
  let code: string;
  try {
    code = pageCode ? (await updateStatusPage({ actor, pageCode, spec })).code : (await createStatusPage({ actor, projectCode, spec })).code;
  } catch (err) {
    return toFormState(err);
  }
  revalidatePath(listPath(projectCode));
  redirect(`${pagePath(projectCode, code)}?saved=${pageCode ? "updated" : "created"}`);
}

export async function deletePageAction(projectCode: unknown, pageCode: unknown): Promise<FormState> {
  if (!isText(projectCode) || !isText(pageCode)) return BAD_REQUEST;
  const actor = await requireActor();
  try {
    await deleteStatusPage({ actor, pageCode });
  } catch (err) {
    return toFormState(err);
  }
  revalidatePath(listPath(projectCode));
  redirect(`${listPath(projectCode)}?deleted=1`);
}

export async function createIncidentAction(projectCode: unknown, pageCode: unknown, _prev: FormState, form: unknown): Promise<FormState> {
  if (!isText(projectCode) || !isText(pageCode) || !(form instanceof FormData)) return BAD_REQUEST;
  const actor = await requireActor();
  let code: string;
  try {
    code = (await createIncident({ actor, pageCode, input: readIncidentInput(form) })).code;
  } catch (err) {
    return refused(err, form);
  }
  revalidatePath(`${pagePath(projectCode, pageCode)}/incidents`);
  redirect(`${pagePath(projectCode, pageCode)}/incidents/${code}?posted=1`);
}

/** An update to an incident or a maintenance (the timeline's form). */
export async function createIncidentUpdateAction(
  projectCode: unknown,
  pageCode: unknown,
  incidentCode: unknown,
  _prev: FormState,
  form: unknown,
): Promise<FormState> {
  if (!isText(projectCode) || !isText(pageCode) || !isText(incidentCode) || !(form instanceof FormData)) return BAD_REQUEST;
  const actor = await requireActor();
  try {
    await createIncidentUpdate({ actor, incidentCode, input: readIncidentUpdateInput(form) });
  } catch (err) {
    return refused(err, form);
  }
  revalidatePath(pagePath(projectCode, pageCode), "layout");
  return { ok: true, message: "Update posted.", at: Date.now() };
}

export async function deleteIncidentAction(projectCode: unknown, pageCode: unknown, incidentCode: unknown, kind: unknown): Promise<FormState> {
  if (!isText(projectCode) || !isText(pageCode) || !isText(incidentCode) || (kind !== "incident" && kind !== "maintenance")) return BAD_REQUEST;
  const actor = await requireActor();
  try {
    await deleteIncident({ actor, incidentCode });
  } catch (err) {
    return toFormState(err);
  }
  const list = `${pagePath(projectCode, pageCode)}/${kind === "incident" ? "incidents" : "maintenance"}`;
  revalidatePath(list);
  redirect(`${list}?deleted=1`);
}

/** Schedules a maintenance (incidentCode null) or edits one; times are read in the page's time zone. */
export async function saveMaintenanceAction(
  projectCode: unknown,
  pageCode: unknown,
  incidentCode: unknown,
  _prev: FormState,
  form: unknown,
): Promise<FormState> {
  if (!isText(projectCode) || !isText(pageCode) || !(incidentCode === null || isText(incidentCode)) || !(form instanceof FormData)) return BAD_REQUEST;
  const actor = await requireActor();
  try {
    const page = await findStatusPage({ actor, pageCode });
    const input = readMaintenanceInput(form, page.timeZone);
    if (incidentCode) await updateMaintenance({ actor, incidentCode, input });
    else await createMaintenance({ actor, pageCode, input });
  } catch (err) {
    return refused(err, form);
  }
  const list = `${pagePath(projectCode, pageCode)}/maintenance`;
  revalidatePath(list);
  redirect(`${list}?saved=1`);
}

export async function cancelMaintenanceAction(projectCode: unknown, pageCode: unknown, incidentCode: unknown): Promise<FormState> {
  if (!isText(projectCode) || !isText(pageCode) || !isText(incidentCode)) return BAD_REQUEST;
  const actor = await requireActor();
  try {
    await cancelMaintenance({ actor, incidentCode });
  } catch (err) {
    return toFormState(err);
  }
  const list = `${pagePath(projectCode, pageCode)}/maintenance`;
  revalidatePath(list);
  redirect(`${list}?cancelled=1`);
}

export async function deleteSubscriberAction(projectCode: unknown, pageCode: unknown, subscriberCode: unknown): Promise<FormState> {
  if (!isText(projectCode) || !isText(pageCode) || !isText(subscriberCode)) return BAD_REQUEST;
  const actor = await requireActor();
  try {
    await deleteSubscriber({ actor, subscriberCode });
  } catch (err) {
    return toFormState(err);
  }
  revalidatePath(`${pagePath(projectCode, pageCode)}/subscribers`);
  return { ok: true, message: "Subscriber removed.", at: Date.now() };
}
