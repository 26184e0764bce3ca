"use client";

import { useActionState, useRef } from "react";
import { buttonClass } from "@/components/ui/button";
import type { FormState } from "@/lib/errors";
import { FormMessage } from "./form-message";

export interface AssignableCheck {
  code: string;
  name: string;
  slug: string;
}

/** A disclosure with one checkbox per check of the project: which checks the integration notifies for. */
export function AssignChecks({
  channelId,
  checks,
  assigned,
  action,
}: {
  /** Unique per channel, for element ids. */
  channelId: string;
  checks: AssignableCheck[];
  assigned: string[];
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  const selected = new Set(assigned);

  function setAll(checked: boolean) {
    form.current?.querySelectorAll<HTMLInputElement>('input[name="check"]').forEach((box) => (box.checked = checked));
  }

  if (checks.length === 0) return null;
  return (
    <details className="group text-sm">
      <summary className="cursor-pointer select-none text-sky-700 hover:underline dark:text-sky-400">Choose checks</summary>
      <form ref={form} action={formAction} className="mt-2 space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-800">
        <fieldset>
          <legend className="sr-only">Checks this integration notifies for</legend>
          <div className="mb-2 flex gap-3 text-xs">
            <button type="button" className="text-sky-700 hover:underline dark:text-sky-400" onClick={() => setAll(true)}>
              Select all
            </button>
            <button type="button" className="text-sky-700 hover:underline dark:text-sky-400" onClick={() => setAll(false)}>
              Select none
            </button>
          </div>
          {/* Keyed on the saved assignment: after saving, React resets the form to these defaults. */}
          <ul key={assigned.join(",")} className="max-h-64 space-y-1 overflow-y-auto pr-1">
            {checks.map((check) => (
              <li key={check.code}>
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    name="check"
                    value={check.code}
                    defaultChecked={selected.has(check.code)}
                    className="h-4 w-4 shrink-0 accent-sky-600"
                    id={`${channelId}-${check.code}`}
                  />
                  <span className="truncate">{check.name || <span className="font-mono text-xs">{check.code}</span>}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="flex items-center gap-3">
          <button type="submit" className={buttonClass("primary", "text-xs")} disabled={pending}>
            {pending ? "Saving…" : "Save"}
          </button>
          <FormMessage state={state} />
        </div>
      </form>
    </details>
  );
}
