import type { FormState } from "@/lib/errors";

/** A form's outcome below it: errors announced at once, success politely. */
export function FormStatus({ state }: { state: FormState }) {
  return (
    <>
      {state.error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {state.error}
        </p>
      )}
      <div role="status" className="empty:hidden">
        {state.ok && state.message && <p className="text-sm text-green-700 dark:text-green-400">{state.message}</p>}
      </div>
    </>
  );
}
