/** What an account form's server action hands back to useActionState. */
export interface FormState {
  ok?: boolean;
  error?: string | null;
  message?: string | null;
}

export const idleFormState: FormState = {};
