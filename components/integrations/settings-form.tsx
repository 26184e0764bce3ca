"use client";

import { useActionState } from "react";
import { Field, Input, Select } from "@/components/ui/field";
import type { FormState } from "./form-state";
import { FormFooter } from "./form-footer";
import { FormMessage } from "./form-message";
import { getSettingsKind } from "./settings-kinds";

/**
 * Add/edit form of the push and incident kinds described in settings-kinds.ts (ntfy, Pushover,
 * PagerDuty, Opsgenie, Gotify, Pushbullet): the kind's fields and an optional name.
 */
export function SettingsForm({
  kind,
  action,
  initial,
  submitLabel,
  cancelHref,
}: {
  kind: string;
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  /** Field values by name, plus "name". */
  initial: Record<string, string>;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const settings = getSettingsKind(kind);
  const values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  const id = (field: string) => `${kind}-${field}`;

  return (
    <form action={formAction} className="max-w-2xl space-y-5" noValidate>
      {/* Keyed on the attempt so the fields re-mount with what was submitted (see webhook-url-form.tsx). */}
      <div key={state.attempt ?? 0} className="space-y-5">
        {settings?.fields.map((field) =>
          field.type === "checkbox" ? (
            <div key={field.name}>
              <label className="flex items-center gap-2 text-sm" htmlFor={id(field.name)}>
                <input id={id(field.name)} type="checkbox" name={field.name} value="on" defaultChecked={values[field.name] === "on"} />
                {field.label}
              </label>
              {errors[field.name] ? <p role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">{errors[field.name]}</p> : null}
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
                type={field.type}
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
