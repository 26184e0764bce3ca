"use client";

import { useActionState } from "react";
import { Field, Input, Select } from "@/components/ui/field";
import type { FormState } from "@/lib/errors";
import type { FormField } from "@/lib/integrations/descriptor";
import { FormFooter } from "./form-footer";
import { FormMessage, getFieldErrors } from "./form-message";

/**
 * The generic add/edit form of a kind: its descriptor's fields (text, URL, password, select,
 * checkbox) and an optional name. The server page passes the fields; the server action turns the
 * values into the kind's config.
 */
export function SettingsForm({
  idPrefix,
  fields,
  action,
  initial,
  submitLabel,
  cancelHref,
}: {
  /** Makes element ids unique per kind ("ntfy-topic"). */
  idPrefix: string;
  fields: readonly FormField[];
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  /** Field values by name, plus "name". */
  initial: Record<string, string>;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const values = state.values ?? initial;
  const errors = getFieldErrors(state);
  const id = (field: string) => `${idPrefix}-${field}`;

  return (
    <form action={formAction} className="max-w-2xl space-y-5" noValidate>
      {/* Keyed on the attempt: React resets a form after its action, and re-mounting makes the
          fields show what was submitted instead of the original values. */}
      <div key={state.at ?? 0} className="space-y-5">
        {fields.map((field) =>
          field.type === "checkbox" ? (
            <div key={field.name}>
              <label className="flex items-center gap-2 text-sm" htmlFor={id(field.name)}>
                <input id={id(field.name)} type="checkbox" name={field.name} value="on" defaultChecked={values[field.name] === "on"} />
                {field.label}
              </label>
              {errors[field.name] ? (
                <p role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
                  {errors[field.name]}
                </p>
              ) : null}
            </div>
          ) : (
            <Field key={field.name} label={field.label} htmlFor={id(field.name)} error={errors[field.name]} hint={field.hint}>
              {field.type === "select" ? (
                <Select id={id(field.name)} name={field.name} defaultValue={values[field.name] ?? ""}>
                  {field.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              ) : (
                <Input
                  id={id(field.name)}
                  name={field.name}
                  type={field.type === "url" ? "url" : field.type === "password" ? "password" : field.type === "email" ? "email" : "text"}
                  inputMode={field.type === "url" ? "url" : undefined}
                  required={field.required}
                  maxLength={field.maxLength}
                  placeholder={field.placeholder}
                  spellCheck={false}
                  autoComplete="off"
                  defaultValue={values[field.name] ?? ""}
                  aria-invalid={errors[field.name] ? true : undefined}
                />
              )}
            </Field>
          ),
        )}
        <Field label="Name (optional)" htmlFor={id("name")} error={errors.name} hint="Shown in the integrations list and on checks.">
          <Input id={id("name")} name="name" maxLength={100} defaultValue={values.name ?? ""} />
        </Field>
      </div>
      <FormMessage state={state} />
      <FormFooter pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
