import type { FormState } from "@/lib/errors";

/** The form-level error or success message of a FormState, announced to screen readers. */
export function FormMessage({ state }: { state: FormState }) {
  // An error about one field is shown next to that field instead (getFieldErrors).
  if (state.error && !state.field) {
    return (
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
        {state.error}
      </p>
    );
  }
  if (state.message) {
    return (
      <p role="status" className="text-sm text-green-700 dark:text-green-400">
        {state.message}
      </p>
    );
  }
  return null;
}

/** The messages to show next to the form's fields, by field name. */
export function getFieldErrors(state: FormState): Record<string, string> {
  if (state.fieldErrors) return state.fieldErrors;
  return state.field && state.error ? { [state.field]: state.error } : {};
}
