"use client";

import { useActionState, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { FormMessage, fieldError, initialFormState, type CheckAction } from "./form-message";

/** Name, slug, tags and description, saved together. */
export function CheckFieldsForm({ action, check }: { action: CheckAction; check: { name: string; slug: string; tags: string; desc: string } }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  // Controlled, because React resets uncontrolled fields after every submission and a
  // validation error must not throw away what the user typed.
  const [values, setValues] = useState(check);
  const bind = (field: keyof typeof values) => ({
    name: field,
    value: values[field],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value })),
  });
  return (
    <form action={formAction} className="space-y-4">
      <Field label="Name" htmlFor="check-name" error={fieldError(state, "name")} hint="Up to 100 characters, e.g. “Nightly database backup”.">
        <Input id="check-name" {...bind("name")} maxLength={100} autoComplete="off" />
      </Field>
      <Field
        label="Slug"
        htmlFor="check-slug"
        error={fieldError(state, "slug")}
        hint="Lowercase letters, digits, hyphens and underscores. Used in ping URLs of the form …/ping/<ping-key>/<slug>."
      >
        <Input id="check-slug" {...bind("slug")} maxLength={100} autoComplete="off" spellCheck={false} className="font-mono" />
      </Field>
      {/* The limits are check-spec.ts's MAX_TAGS_LENGTH and MAX_DESC_LENGTH, which the server enforces. */}
      <Field label="Tags" htmlFor="check-tags" error={fieldError(state, "tags")} hint="Separated by spaces, e.g. “prod backups”; up to 500 characters in all.">
        <Input id="check-tags" {...bind("tags")} maxLength={500} autoComplete="off" spellCheck={false} />
      </Field>
      <Field label="Description" htmlFor="check-desc" error={fieldError(state, "desc")} hint="Notes for your team: what the job does, who to call.">
        <Textarea id="check-desc" {...bind("desc")} maxLength={10_000} rows={3} className="font-sans" />
      </Field>
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass("primary")} disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
