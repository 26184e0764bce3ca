"use client";

import { useActionState } from "react";
import { Field, Input } from "@/components/ui/field";
import type { FormState } from "@/lib/errors";
import { FormFooter } from "./form-footer";
import { FormMessage, getFieldErrors } from "./form-message";

/** Add/edit form of an email integration: address, optional name and which events to send ("on"/""). */
export function EmailForm({
  action,
  initial,
  submitLabel,
  cancelHref,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  /** "name", "value", and "up"/"down" as "on" or "". */
  initial: Record<string, string>;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const values = state.values ?? initial;
  const errors = getFieldErrors(state);

  return (
    <form action={formAction} className="max-w-xl space-y-5" noValidate>
      {/* Keyed on the attempt: React resets a form after its action, and re-mounting makes the
          fields show what was submitted instead of the original values. */}
      <div key={state.at ?? 0} className="space-y-5">
        <Field label="Email address" htmlFor="email-value" error={errors.value} hint="Notifications are sent to this address.">
          <Input
            id="email-value"
            name="value"
            type="email"
            autoComplete="email"
            required
            maxLength={254}
            defaultValue={values.value ?? ""}
            aria-invalid={errors.value ? true : undefined}
          />
        </Field>
        <fieldset className="space-y-2" aria-describedby={errors.events ? "email-events-error" : undefined}>
          <legend className="text-sm font-medium">Send a notification when a check</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="down" defaultChecked={values.down === "on"} className="h-4 w-4 rounded border-slate-300 accent-sky-600" />
            goes <span className="font-semibold text-down">down</span>
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="up" defaultChecked={values.up === "on"} className="h-4 w-4 rounded border-slate-300 accent-sky-600" />
            goes back <span className="font-semibold text-up">up</span>
          </label>
          {errors.events && (
            <p id="email-events-error" role="alert" className="text-xs text-red-600 dark:text-red-400">
              {errors.events}
            </p>
          )}
        </fieldset>
        <Field label="Name (optional)" htmlFor="email-name" error={errors.name} hint="Shown in the integrations list and on checks.">
          <Input id="email-name" name="name" maxLength={100} defaultValue={values.name ?? ""} />
        </Field>
      </div>
      <FormMessage state={state} />
      <FormFooter pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
