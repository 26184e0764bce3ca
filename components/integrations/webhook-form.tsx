"use client";

import { useActionState, useMemo, useRef, useState, type FocusEvent } from "react";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import type { FormState } from "@/lib/errors";
import { FormFooter } from "./form-footer";
import { FormMessage, getFieldErrors } from "./form-message";

/** A placeholder of the list beside the form (the webhook kind's WEBHOOK_PLACEHOLDERS). */
export interface PlaceholderOption {
  name: string;
  description: string;
  bodyOnly?: boolean;
}

/** Form values by field name: name, method_down, url_down, body_down, headers_down, …_up. */
export type WebhookFormValues = Record<string, string>;

type Target = HTMLInputElement | HTMLTextAreaElement;

const EVENTS = [
  { status: "down", legend: "When a check goes down" },
  { status: "up", legend: "When a check goes back up" },
] as const;

const LABELS: Record<string, string> = { url: "URL", body: "request body", headers: "headers" };

/**
 * Add/edit form of a webhook: one request (method, URL, body for POST/PUT, headers) per event,
 * and the placeholder list, whose buttons insert at the cursor of the field last focused.
 */
export function WebhookForm({
  action,
  initial,
  placeholders,
  submitLabel,
  cancelHref,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  initial: WebhookFormValues;
  placeholders: readonly PlaceholderOption[];
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const target = useRef<Target | null>(null);
  const [targetName, setTargetName] = useState("url_down");
  const [announcement, setAnnouncement] = useState("");

  function onFocus(e: FocusEvent<HTMLFormElement>) {
    const el = e.target;
    if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.dataset.placeholders) {
      target.current = el;
      setTargetName(el.name);
    }
  }

  function insert(placeholder: string) {
    const el = target.current ?? document.getElementById("webhook-url_down");
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return;
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? el.value.length;
    el.setRangeText(placeholder, start, end, "end");
    el.focus();
    setAnnouncement(`Inserted ${placeholder} into the ${describeField(el.name)}.`);
  }

  const isBodyTarget = targetName.startsWith("body_");

  // Memoized so that focusing a field (which re-renders the placeholder list) does not re-render
  // the fields: React re-applies a textarea's defaultValue on every render, which moves the
  // caret of an untouched textarea. Keyed on the attempt: React resets a form after its action,
  // and re-mounting makes the fields show what was submitted instead of the original values.
  const fields = useMemo(() => {
    const values = state.values ?? initial;
    const errors = getFieldErrors(state);
    return (
      <div key={state.at ?? 0} className="space-y-6">
        {EVENTS.map(({ status, legend }) => (
          <RequestFields key={status} status={status} legend={legend} values={values} errors={errors} />
        ))}
        <Field label="Name (optional)" htmlFor="webhook-name" error={errors.name} hint="Shown in the integrations list and on checks.">
          <Input id="webhook-name" name="name" maxLength={100} defaultValue={values.name ?? ""} />
        </Field>
      </div>
    );
  }, [state, initial]);

  return (
    <form action={formAction} onFocus={onFocus} noValidate className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0 space-y-6">
        {fields}
        <FormMessage state={state} />
        <FormFooter pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
      </div>

      <aside aria-labelledby="placeholders-heading" className="space-y-2 lg:sticky lg:top-4 lg:self-start">
        <h2 id="placeholders-heading" className="text-sm font-semibold">
          Placeholders
        </h2>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Vigil replaces these in the URL, body and headers when it sends the request. Click one to insert it into the{" "}
          <strong>{describeField(targetName)}</strong>.
        </p>
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 text-sm dark:divide-slate-800 dark:border-slate-800">
          {placeholders.map((p) => {
            const disabled = p.bodyOnly && !isBodyTarget;
            return (
              <li key={p.name} className="flex items-start gap-2 px-2 py-1.5">
                <button
                  type="button"
                  onClick={() => insert(p.name)}
                  disabled={disabled}
                  aria-describedby={`ph-${p.name.slice(1)}`}
                  aria-label={`Insert ${p.name}`}
                  className="shrink-0 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-sky-800 hover:bg-sky-100 disabled:cursor-not-allowed disabled:opacity-40 dark:bg-slate-800 dark:text-sky-300 dark:hover:bg-slate-700"
                >
                  {p.name}
                </button>
                <span id={`ph-${p.name.slice(1)}`} className="text-xs text-slate-600 dark:text-slate-400">
                  {p.description}
                  {p.bodyOnly ? " (request body only)" : ""}
                </span>
              </li>
            );
          })}
        </ul>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          In URLs, values are percent-encoded. Only POST and PUT requests have a body.
        </p>
        <p className="sr-only" role="status" aria-live="polite">
          {announcement}
        </p>
      </aside>
    </form>
  );
}

function describeField(name: string): string {
  const [field, status] = name.split("_");
  return `${status === "up" ? "up" : "down"} ${LABELS[field] ?? field}`;
}

function RequestFields({
  status,
  legend,
  values,
  errors,
}: {
  status: "down" | "up";
  legend: string;
  values: WebhookFormValues;
  errors: Record<string, string>;
}) {
  const [method, setMethod] = useState(values[`method_${status}`] || "GET");
  const id = (field: string) => `webhook-${field}_${status}`;
  const hasBody = method === "POST" || method === "PUT";

  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      <div className="grid gap-3 sm:grid-cols-[7rem_minmax(0,1fr)]">
        <Field label="Method" htmlFor={id("method")} error={errors[`method_${status}`]}>
          {/* Uncontrolled: the form reset React does after an action restores defaultValue. */}
          <Select id={id("method")} name={`method_${status}`} defaultValue={method} onChange={(e) => setMethod(e.target.value)}>
            <option>GET</option>
            <option>POST</option>
            <option>PUT</option>
          </Select>
        </Field>
        <Field
          label="URL"
          htmlFor={id("url")}
          error={errors[`url_${status}`]}
          hint={status === "down" ? "Leave empty to send nothing when a check goes down." : "Leave empty to send nothing when a check goes up."}
        >
          <Input
            id={id("url")}
            name={`url_${status}`}
            type="url"
            inputMode="url"
            maxLength={1000}
            placeholder="https://"
            defaultValue={values[`url_${status}`] ?? ""}
            data-placeholders="1"
            aria-invalid={errors[`url_${status}`] ? true : undefined}
          />
        </Field>
      </div>
      {/* Hidden rather than removed, so switching methods back and forth keeps the text. */}
      <div hidden={!hasBody}>
        <Field label="Request body" htmlFor={id("body")} error={errors[`body_${status}`]}>
          <Textarea
            id={id("body")}
            name={`body_${status}`}
            rows={4}
            maxLength={1000}
            defaultValue={values[`body_${status}`] ?? ""}
            data-placeholders="1"
            aria-invalid={errors[`body_${status}`] ? true : undefined}
          />
        </Field>
      </div>
      <Field
        label="Request headers"
        htmlFor={id("headers")}
        error={errors[`headers_${status}`]}
        hint={
          <>
            One <code>Name: value</code> per line, e.g. <code>Authorization: Bearer …</code>
          </>
        }
      >
        <Textarea
          id={id("headers")}
          name={`headers_${status}`}
          rows={2}
          defaultValue={values[`headers_${status}`] ?? ""}
          data-placeholders="1"
          spellCheck={false}
          aria-invalid={errors[`headers_${status}`] ? true : undefined}
        />
      </Field>
    </fieldset>
  );
}
