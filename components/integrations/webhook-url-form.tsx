"use client";

import { useActionState } from "react";
import { Field, Input } from "@/components/ui/field";
import type { FormState } from "./form-state";
import { FormFooter } from "./form-footer";
import { FormMessage } from "./form-message";

export interface WebhookUrlFormInitial {
  name: string;
  value: string;
}

/**
 * Add/edit form of the chat integrations whose one setting is an incoming-webhook URL (Slack,
 * Mattermost, Rocket.Chat, Discord, Teams, Google Chat): the URL and an optional name.
 */
export function WebhookUrlForm({
  kind,
  fieldLabel,
  example,
  action,
  initial,
  submitLabel,
  cancelHref,
}: {
  kind: string;
  fieldLabel: string;
  example: string;
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  initial: WebhookUrlFormInitial;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const values: WebhookUrlFormInitial = state.values ? { name: state.values.name ?? "", value: state.values.value ?? "" } : initial;
  const errors = state.fieldErrors ?? {};
  const id = (field: string) => `${kind}-${field}`;

  return (
    <form action={formAction} className="max-w-2xl space-y-5" noValidate>
      {/* Keyed on the attempt: React resets a form after its action, and re-mounting makes the
          fields show what was submitted instead of the original values. */}
      <div key={state.attempt ?? 0} className="space-y-5">
        <Field label={fieldLabel} htmlFor={id("value")} error={errors.value} hint="Anyone with this URL can post to the channel, so keep it private.">
          <Input
            id={id("value")}
            name="value"
            type="url"
            inputMode="url"
            required
            maxLength={1000}
            spellCheck={false}
            autoComplete="off"
            placeholder={example}
            defaultValue={values.value}
            aria-invalid={errors.value ? true : undefined}
          />
        </Field>
        <Field label="Name (optional)" htmlFor={id("name")} error={errors.name} hint="Shown in the integrations list and on checks.">
          <Input id={id("name")} name="name" maxLength={100} defaultValue={values.name} />
        </Field>
      </div>
      <FormMessage state={state} />
      <FormFooter pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
