// What the integrations forms' server actions hand back to useActionState.

export interface FormState {
  /** A message about the whole form (bad input the fields don't cover, no permission...). */
  error?: string | null;
  /** Messages per form field name, shown next to the field. */
  fieldErrors?: Record<string, string>;
  /** A success message (e.g. "Test notification sent"). */
  message?: string | null;
  /** The submitted values, so fields keep what the user typed after a failed save. */
  values?: Record<string, string>;
  /** Changes on every submission; forms key their fields on it to re-mount with `values`. */
  attempt?: number;
}

export const idleState: FormState = {};
