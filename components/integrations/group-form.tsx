"use client";

import { useActionState } from "react";
import { Field, Input } from "@/components/ui/field";
import type { FormState } from "@/lib/errors";
import { FormFooter } from "./form-footer";
import { FormMessage, getFieldErrors } from "./form-message";

export interface GroupMemberOption {
  code: string;
  /** The channel's name, or "" when it has none. */
  name: string;
  kindLabel: string;
  /** A line that tells unnamed channels of one kind apart (an address, a URL…). */
  detail: string;
}

/**
 * Add/edit form of a group integration (Healthchecks' GroupForm): one checkbox per other
 * integration of the project, groups left out, submitted as repeated "channels" fields.
 */
export function GroupForm({
  action,
  options,
  initial,
  submitLabel,
  cancelHref,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  options: readonly GroupMemberOption[];
  /** "channels" is the ticked codes, comma-separated. */
  initial: { name: string; channels: string };
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const values = state.values ?? initial;
  const ticked = new Set((values.channels ?? "").split(",").filter(Boolean));
  const errors = getFieldErrors(state);

  return (
    <form action={formAction} className="max-w-2xl space-y-5" noValidate>
      {/* Keyed on the attempt so the fields re-mount with what was submitted (see settings-form.tsx). */}
      <div key={state.at ?? 0} className="space-y-5">
        <fieldset className="space-y-2" aria-describedby={errors.channels ? "group-channels-error" : undefined}>
          <legend className="text-sm font-medium">Integrations</legend>
          {options.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              This project has no other integrations yet. Add the ones the group should notify first.
            </p>
          ) : (
            <ul className="space-y-2">
              {options.map((o) => (
                <li key={o.code}>
                  <label className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="channels"
                      value={o.code}
                      defaultChecked={ticked.has(o.code)}
                      className="mt-0.5 h-4 w-4 rounded border-slate-300 accent-sky-600"
                    />
                    <span>
                      <span className="font-medium">{o.name || o.kindLabel}</span>
                      {o.name && " "}
                      {o.name && <span className="ml-2 text-slate-500 dark:text-slate-400">{o.kindLabel}</span>}
                      {o.detail && " "}
                      {o.detail && <span className="block text-xs text-slate-500 dark:text-slate-400">{o.detail}</span>}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {errors.channels && (
            <p id="group-channels-error" role="alert" className="text-xs text-red-600 dark:text-red-400">
              {errors.channels}
            </p>
          )}
        </fieldset>
        <Field label="Name (optional)" htmlFor="group-name" error={errors.name} hint="Shown in the integrations list and on checks.">
          <Input id="group-name" name="name" maxLength={100} defaultValue={values.name ?? ""} />
        </Field>
      </div>
      <FormMessage state={state} />
      <FormFooter pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
