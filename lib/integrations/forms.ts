// The generic half of every kind's setup form: reading the submitted values, turning them into
// a config with the kind's KindForm, and checking that config against the same schema the API
// uses, so a form shows each problem next to its field in the form's own words. Also the
// fields several kinds share (a phone number, down/up checkboxes). Pure: no database, no network.
import type { z } from "zod";
import { AppError, toFormState, type FormState } from "../errors";
import type { AnyKindDescriptor, FieldMessages, FormField, KindForm } from "./descriptor";

/** Healthchecks' varchar(100) for a channel's name. */
export const NAME_LIMIT = 100;

export const CHOOSE_EVENT = "Choose at least one event to be notified about.";

/** The phone number field of the Twilio and Signal forms. */
export const PHONE_FIELD: FormField = {
  name: "value",
  label: "Phone number",
  type: "text",
  required: true,
  maxLength: 20,
  placeholder: "+15551234567",
  hint: "In international format: a plus sign, the country code and the number.",
};

/** "When a check goes down / comes back up" checkboxes of the {value, up, down} kinds. */
export const UP_DOWN_FIELDS: readonly FormField[] = [
  { name: "down", label: "When a check goes down", type: "checkbox" },
  { name: "up", label: "When a check comes back up", type: "checkbox" },
];

/** A select's value as a number when it is one (the schema then checks the range). */
export const toInt = (s: string | undefined): number | string => (s !== undefined && /^-?\d+$/.test(s) ? Number(s) : (s ?? ""));

/** A checkbox's submitted value as a boolean. */
export const isTicked = (v: string | undefined): boolean => v === "on";

/** A boolean as a checkbox's value. */
export const tick = (b: boolean): string => (b ? "on" : "");

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A schema message as a sentence for a form: capitalized, with a full stop. */
export function toSentence(message: string): string {
  const s = capitalize(message);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/**
 * Field-by-field errors of a config, from the schema the API validates with. Keys are config
 * keys ("value", "url_down"…); a rule about the whole config ("needs url_down or url_up") is under
 * "". The first problem of each key wins. Empty when the config is valid.
 */
export function getConfigErrors(schema: z.ZodType, config: unknown): Record<string, string> {
  const result = schema.safeParse(config);
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) {
    const key = issue.path.length ? String(issue.path[0]) : "";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** What a form submitted, by field name, with "name" first: trimmed text, "on"/"" for checkboxes. */
export function readFormValues(form: KindForm<unknown>, formData: FormData): Record<string, string> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const values: Record<string, string> = { name: text("name").trim() };
  for (const field of form.fields) {
    if (field.type === "multiple") {
      const picked = formData.getAll(field.name).filter((v): v is string => typeof v === "string" && v !== "");
      values[field.name] = [...new Set(picked)].join(",");
    } else if (field.type === "checkbox") {
      values[field.name] = text(field.name) === "on" ? "on" : "";
    } else {
      values[field.name] = field.type === "textarea" ? text(field.name) : text(field.name).trim();
    }
  }
  return values;
}

/** A new channel's form values: each field's default, checkboxes ticked, the rest empty. */
export function getDefaultFormValues(form: Pick<KindForm<unknown>, "fields" | "defaults">): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of form.fields) values[field.name] = form.defaults?.[field.name] ?? (field.type === "checkbox" ? "on" : "");
  return values;
}

function messageFor(form: KindForm<unknown>, fieldName: string, value: string, schemaMessage: string): string {
  const messages: FieldMessages | undefined = form.messages?.[fieldName];
  const field = form.fields.find((f) => f.name === fieldName);
  if (field?.required && value === "") return messages?.empty ?? `Enter the ${field.label.toLowerCase()}.`;
  return messages?.invalid ?? toSentence(schemaMessage);
}

/** The form field that shows the error of a config key. */
export function getErrorField(form: KindForm<unknown>, configKey: string): string {
  return form.errorFields?.[configKey] ?? configKey;
}

export type FormCheck = { ok: true; name: string; config: unknown } | { ok: false; fieldErrors: Record<string, string> };

/**
 * Turns submitted values into the config to save, or the errors to show by form field:
 * the form's own checks, the name's length, and every problem the kind's schema finds.
 */
export function checkKindForm(descriptor: AnyKindDescriptor, values: Readonly<Record<string, string>>): FormCheck {
  const form = descriptor.form as KindForm<unknown>;
  const { config, errors = {} } = form.toConfig(values);
  const fieldErrors: Record<string, string> = { ...errors };
  for (const [key, message] of Object.entries(getConfigErrors(descriptor.configSchema, config))) {
    const name = getErrorField(form, key);
    fieldErrors[name] ??= key === "" ? (form.messages?.[""]?.invalid ?? toSentence(message)) : messageFor(form, name, values[name] ?? "", message);
  }
  if ([...(values.name ?? "")].length > NAME_LIMIT) fieldErrors.name = `Must be at most ${NAME_LIMIT} characters.`;
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, name: values.name ?? "", config };
}

/**
 * A save's error as the form's state: toFormState's message, placed on the form field that
 * shows the config key the error names (a room the Matrix bot cannot join lands on the room
 * field). Anything but an AppError is rethrown.
 */
export function toKindFormState(err: unknown, descriptor: AnyKindDescriptor, values: Record<string, string>): FormState {
  const state = toFormState(err);
  const form = descriptor.form as KindForm<unknown> | null;
  if (!(err instanceof AppError) || !state.field || !form) return { ...state, values };
  const name = getErrorField(form, state.field);
  if (name !== "name" && !form.fields.some((f) => f.name === name)) {
    const { field: _field, ...rest } = state;
    return { ...rest, values };
  }
  return { ...state, field: name, fieldErrors: { [name]: state.error ?? "" }, values };
}
