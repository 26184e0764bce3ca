// The one error path. Domain code throws AppError(code, message, { field }); this module is the
// one place codes become HTTP statuses, form messages and JSON error bodies:
// - the management API (lib/api/respond.ts) answers Healthchecks' exact texts from `message`;
// - server actions hand `toFormState(err)` to their form;
// - app/api/ui route handlers are wrapped in `withUiRoute()`.
// Anything that is not an AppError (or a ZodError from a schema) is a bug: it is rethrown, so it
// reaches the error page or the front server's 500, never a user as a message.
import { ZodError } from "zod";

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface AppErrorOptions {
  /** The input at fault (a form field / API key name), so forms never parse the message. */
  field?: string;
  /**
   * What a person filling in a form should read, when `message` is worded for API clients
   * (Healthchecks' "json validation error: timeout is not a number" → "timeout is not a number").
   */
  userMessage?: string;
}

export class AppError extends Error {
  readonly field: string | undefined;
  readonly userMessage: string | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    opts: AppErrorOptions = {},
  ) {
    super(message);
    this.name = "AppError";
    this.field = opts.field;
    this.userMessage = opts.userMessage;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/**
 * A failed outgoing delivery (a notification, a test send): what lib/http.ts and every
 * integration transport throw, with Healthchecks' message ("Received status code 500",
 * "Connection timed out"). The alerts worker records the message on the Notification row and
 * disables the channel only when `permanent` (the receiver says it is gone, such as Slack's
 * 404). It lives here, not in lib/integrations, because lib/http.ts throws it too.
 */
export class TransportError extends Error {
  readonly permanent: boolean;

  constructor(message: string, { permanent = false }: { permanent?: boolean } = {}) {
    super(message);
    this.name = "TransportError";
    this.permanent = permanent;
  }
}

/** Prisma's unique-constraint violation, detected by code as our conventions require. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}

/** Prisma's "record to update/delete not found". */
export function isRecordNotFound(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2025";
}

/**
 * What every server action hands back to its form (useActionState). One shape for all forms:
 * `error` + `field` after a failure, `message` (and sometimes `secret`) after a success.
 */
export interface FormState {
  ok?: boolean;
  /** A success message ("Saved.", "Test notification sent."). */
  message?: string | null;
  /** A failure message for the person at the form. */
  error?: string | null;
  /** The form field the error is about, to show it next to the input. */
  field?: string;
  /** Messages per field, for forms that validate several fields at once. */
  fieldErrors?: Record<string, string>;
  /** The submitted values, so fields keep what the user typed after a failed save. */
  values?: Record<string, string>;
  /** A secret shown once (a new API key) or a link to pass on. */
  secret?: string | null;
  /** Changes on every submission, so the same message is announced again. */
  at?: number;
}

export const idleFormState: FormState = {};

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const FALLBACK: Partial<Record<ErrorCode, string>> = {
  not_found: "This no longer exists, or you have no access to it.",
  forbidden: "You do not have permission to do this.",
  unauthorized: "Please sign in again.",
  rate_limited: "Too many attempts. Please try again later.",
};

/**
 * The form message for an error thrown by a verb: AppError and ZodError become
 * `{ ok: false, error, field }`; anything else is rethrown (a bug goes to the error page).
 */
export function toFormState(err: unknown): FormState {
  const at = Date.now();
  if (err instanceof AppError) {
    const text = err.userMessage ?? err.message;
    const error = text ? capitalize(text) : (FALLBACK[err.code] ?? "That did not work.");
    return err.field ? { ok: false, error, field: err.field, at } : { ok: false, error, at };
  }
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const field = issue && typeof issue.path[0] === "string" ? issue.path[0] : undefined;
    const error = capitalize(issue?.message ?? "Please check the form.");
    return field ? { ok: false, error, field, at } : { ok: false, error, at };
  }
  throw err;
}

/** The JSON body `withUiRoute` answers for an error. */
export interface UiErrorBody {
  error: { code: ErrorCode; message: string; field?: string };
}

type UiRouteHandler<C> = (req: Request, ctx: C) => Promise<Response>;

/**
 * Wraps an app/api/ui route handler: an AppError becomes its status with
 * `{"error": {"code", "message", "field"}}`, a ZodError a 422 in the same shape; anything else
 * propagates (Next answers 500 and logs it). Responses are never cached.
 */
export function withUiRoute<C>(handler: UiRouteHandler<C>): UiRouteHandler<C> {
  return async (req, ctx) => {
    let response: Response;
    try {
      response = await handler(req, ctx);
    } catch (err) {
      response = uiErrorResponse(err);
    }
    response.headers.set("Cache-Control", "no-store");
    return response;
  };
}

function uiErrorResponse(err: unknown): Response {
  if (err instanceof AppError) {
    const body: UiErrorBody = { error: { code: err.code, message: err.userMessage ?? err.message } };
    if (err.field) body.error.field = err.field;
    return Response.json(body, { status: err.status });
  }
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const body: UiErrorBody = { error: { code: "unprocessable", message: issue?.message ?? "invalid input" } };
    if (issue && typeof issue.path[0] === "string") body.error.field = issue.path[0];
    return Response.json(body, { status: ERROR_STATUS.unprocessable });
  }
  throw err;
}
