/** What a check page's server action reports back to its form. */
export interface ActionState {
  ok?: boolean;
  /** A message to show (success or error). */
  message?: string;
  error?: string;
  /** The API field the error is about (name, slug, timeout, ...), to show it next to the input. */
  field?: string;
  /** Changes on every submission, so the same message is announced again. */
  at?: number;
}

export type CheckAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

export const initialActionState: ActionState = {};
