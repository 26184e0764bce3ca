"use client";

import { useActionState, useId, useState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { idleFormState, type FormState } from "@/lib/errors";

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

interface ActionFormProps {
  action: FormAction;
  submitLabel: string;
  pendingLabel?: string;
  variant?: ButtonVariant;
  /** Asks again inline before submitting (no browser dialog), e.g. "Remove bob@example.org?". */
  confirm?: string;
  /** Label for the one-time secret the action may return (a new API key, a sign-in link). */
  secretLabel?: string;
  /** Renders the secret's companion, e.g. the metrics URL built from a new read-only key. */
  renderSecretExtra?: (secret: string) => ReactNode;
  className?: string;
  children?: ReactNode;
}

/** A form bound to a server action through useActionState, with its outcome announced below it. */
export function ActionForm({
  action,
  submitLabel,
  pendingLabel = "Saving…",
  variant = "primary",
  confirm,
  secretLabel = "Copy this now: it is not shown again",
  renderSecretExtra,
  className = "",
  children,
}: ActionFormProps) {
  const [state, formAction, pending] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className={className}>
      <div className="flex flex-wrap items-end gap-2">
        {children}
        <ConfirmSubmit label={submitLabel} pendingLabel={pendingLabel} variant={variant} confirm={confirm} pending={pending} />
      </div>
      <FormStatus state={state} secretLabel={secretLabel} renderSecretExtra={renderSecretExtra} />
    </form>
  );
}

export function FormStatus({
  state,
  secretLabel,
  renderSecretExtra,
}: {
  state: FormState;
  secretLabel: string;
  renderSecretExtra?: (secret: string) => ReactNode;
}) {
  return (
    <>
      {state.error && (
        <p role="alert" className="mt-2 text-sm text-red-600 dark:text-red-400">
          {state.error}
        </p>
      )}
      <div role="status" className="empty:hidden">
        {state.ok && state.message && <p className="mt-2 text-sm text-green-700 dark:text-green-400">{state.message}</p>}
      </div>
      {state.ok && state.secret && (
        <div className="mt-2 w-[36rem] max-w-full space-y-2">
          <SecretValue label={secretLabel} value={state.secret} />
          {renderSecretExtra?.(state.secret)}
        </div>
      )}
    </>
  );
}

/** A read-only, select-on-focus value with a copy button. */
export function SecretValue({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600 dark:text-slate-300">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-800"
        />
        <Button
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => setCopied(true));
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}
