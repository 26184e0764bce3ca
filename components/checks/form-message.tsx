import type { FormState } from "@/lib/errors";

/** A check page's server action as its form calls it (useActionState). */
export type CheckAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** A form's state before its first submission (lib/errors' idleFormState, without importing that module into the browser). */
export const initialFormState: FormState = {};

/** The outcome of a check form: an alert for errors, a polite status for success. */
export function FormMessage({ state, className = "" }: { state: FormState; className?: string }) {
  return (
    <div className={className}>
      <p role="status" className="text-sm text-green-700 dark:text-green-400">
        {state.ok && state.message ? <span key={state.at}>{state.message}</span> : null}
      </p>
      {state.error && !state.field ? (
        <p role="alert" key={state.at} className="text-sm text-red-600 dark:text-red-400">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}

/** A field's error from the last submission, if it was about this field. */
export function fieldError(state: FormState, field: string): string | null {
  return state.field === field ? (state.error ?? null) : null;
}
