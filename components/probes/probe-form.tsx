"use client";

import { useActionState } from "react";
import { FormMessage, getFieldErrors } from "@/components/integrations/form-message";
import { buttonClass } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import type { FormState } from "@/lib/errors";
import type { FormField } from "@/lib/integrations/descriptor";
import type { ProbeResult } from "@/lib/probes/types";
import { ProbeResultSummary } from "./probe-result-summary";

/** What the probe form's save and test actions answer: a FormState, and the run when testing. */
export interface ProbeFormState extends FormState {
  result?: ProbeResult;
}

type ProbeAction = (prev: ProbeFormState, formData: FormData) => Promise<ProbeFormState>;

function ProbeInput({ field, id, value, error }: { field: FormField; id: string; value: string; error?: string }) {
  if (field.type === "checkbox") {
    return (
      <div>
        <label className="flex items-center gap-2 text-sm" htmlFor={id}>
          <input id={id} type="checkbox" name={field.name} value="on" defaultChecked={value === "on"} />
          {field.label}
        </label>
        {error ? (
          <p role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <Field label={field.label} htmlFor={id} error={error} hint={field.hint}>
      {field.type === "select" ? (
        <Select id={id} name={field.name} defaultValue={value}>
          {field.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      ) : field.type === "textarea" ? (
        <Textarea id={id} name={field.name} rows={3} placeholder={field.placeholder} spellCheck={false} defaultValue={value} aria-invalid={error ? true : undefined} />
      ) : (
        <Input
          id={id}
          name={field.name}
          type="text"
          inputMode={field.type === "url" ? "url" : undefined}
          required={field.required}
          maxLength={field.maxLength}
          placeholder={field.placeholder}
          spellCheck={false}
          autoComplete="off"
          defaultValue={value}
          aria-invalid={error ? true : undefined}
        />
      )}
    </Field>
  );
}

/**
 * The setup form of an active check: the probe type's own fields, then the common ones (interval,
 * timeout, attempts, threshold), and optionally the check's name. "Test" runs the probe once and
 * shows its result and timings without saving; the submit button saves. The server page passes
 * the fields from the type's descriptor.
 */
export function ProbeForm({
  type,
  fields,
  initial,
  saveAction,
  testAction,
  submitLabel,
  withName = false,
}: {
  type: string;
  fields: readonly FormField[];
  /** Field values by name (plus "name" when withName). */
  initial: Record<string, string>;
  saveAction: ProbeAction;
  testAction: ProbeAction;
  submitLabel: string;
  withName?: boolean;
}) {
  const [saved, save, saving] = useActionState(saveAction, {});
  const [tested, test, testing] = useActionState(testAction, {});
  // The newer of the two answers is the one to show: it holds what was last submitted.
  const latest = (tested.at ?? 0) > (saved.at ?? 0) ? tested : saved;
  const values = latest.values ?? initial;
  const errors = getFieldErrors(latest);
  const id = (name: string) => `probe-${type}-${name}`;

  return (
    <form action={save} className="max-w-2xl space-y-5" noValidate>
      <input type="hidden" name="type" value={type} />
      {/* Re-mounted after each answer: React resets a form after its action, and the fields
          should keep what was submitted. */}
      <div key={latest.at ?? 0} className="space-y-5">
        {withName && (
          <Field label="Name" htmlFor={id("name")} error={errors.name} hint="Shown on the dashboard and in notifications.">
            <Input id={id("name")} name="name" maxLength={100} defaultValue={values.name ?? ""} />
          </Field>
        )}
        {fields.map((field) => (
          <ProbeInput key={field.name} field={field} id={id(field.name)} value={values[field.name] ?? ""} error={errors[field.name]} />
        ))}
      </div>
      <FormMessage state={latest} />
      {latest === tested && tested.result && <ProbeResultSummary result={tested.result} heading="Test result" />}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass("primary")} disabled={saving || testing}>
          {saving ? "Saving…" : submitLabel}
        </button>
        <button type="submit" formAction={test} className={buttonClass("secondary")} disabled={saving || testing}>
          {testing ? "Testing…" : "Test"}
        </button>
      </div>
    </form>
  );
}
