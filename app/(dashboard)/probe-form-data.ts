// The probe setup form's server side, shared by "Add check" and the check page: which fields a
// type's form has, the submitted values as a probe, and errors placed next to their field.
import type { ProbeFormState } from "@/components/probes/probe-form";
import { AppError, toFormState } from "@/lib/errors";
import type { FormField } from "@/lib/integrations/descriptor";
import { PROBE_TYPES } from "@/lib/probes/config";
import { COMMON_PROBE_FIELDS, probeFromForm } from "@/lib/probes/form";
import { getProbeType } from "@/lib/probes/registry";
import type { ProbeType } from "@/lib/probes/types";

export function isProbeType(value: unknown): value is ProbeType {
  return typeof value === "string" && (PROBE_TYPES as readonly string[]).includes(value);
}

/** The type's own fields, then the ones every type has. */
export function getProbeFormFields(type: ProbeType): FormField[] {
  return [...getProbeType(type).form.fields, ...COMMON_PROBE_FIELDS];
}

export interface SubmittedProbe {
  /** What was typed, to show again after a failed save or a test. */
  values: Record<string, string>;
  /** The probe for parseProbeConfig, unless `errors` says a line of a field is malformed. */
  config: Record<string, unknown>;
  errors?: Record<string, string>;
}

/** The submitted probe form; null when its type is not one (a forged request). */
export function readProbeForm(formData: FormData): SubmittedProbe | null {
  const type = formData.get("type");
  if (!isProbeType(type)) return null;
  const values: Record<string, string> = {};
  // Only the type's own fields: Next.js adds its own entries to the form data.
  for (const field of getProbeFormFields(type)) {
    const value = formData.get(field.name);
    if (typeof value === "string") values[field.name] = value;
  }
  const { config, errors } = probeFromForm(type, values);
  const name = formData.get("name");
  if (typeof name === "string") values.name = name;
  return errors ? { values, config, errors } : { values, config };
}

/** A form error for `err`, its field ("probe.url") renamed to the form's ("url"). */
export function probeErrorState(err: unknown, values: Record<string, string>): ProbeFormState {
  const state = toFormState(err);
  if (state.field?.startsWith("probe.")) state.field = state.field.slice("probe.".length).split(".")[0];
  else if (state.field === "probe") delete state.field;
  return { ...state, values };
}

export function malformedProbeForm(): ProbeFormState {
  return toFormState(new AppError("bad_request", "this request was malformed: reload the page and try again"));
}

/** The answer when a line of a field is malformed (a header without a colon). */
export function lineErrorsState(submitted: SubmittedProbe): ProbeFormState {
  return { ok: false, fieldErrors: submitted.errors, error: "Please correct the fields marked.", values: submitted.values, at: Date.now() };
}
