import { ZodError } from "zod";
import { AppError } from "@/lib/errors";

/** What a settings form's server action hands back to useActionState. */
export interface ActionState {
  ok?: boolean;
  error?: string | null;
  /** A message to show after success, e.g. "Invite sent". */
  message?: string | null;
  /** A secret shown once (a new API key) or a link to pass on (an invite without SMTP). */
  secret?: string | null;
}

export const idle: ActionState = {};

/**
 * Turns the errors lib functions throw for bad input or missing rights into a form message;
 * anything else is a bug and goes on to Next's error boundary.
 */
export function toActionError(err: unknown): ActionState {
  if (err instanceof AppError) return { ok: false, error: err.message || "Not allowed." };
  if (err instanceof ZodError) return { ok: false, error: err.issues[0]?.message ?? "Invalid input." };
  throw err;
}
