"use client";

import { useActionState, type ReactNode } from "react";
import type { ButtonVariant } from "@/components/ui/button";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { FormMessage, initialFormState, type CheckAction } from "./form-message";

interface ActionButtonProps {
  action: CheckAction;
  label: string;
  pendingLabel?: string;
  variant?: ButtonVariant;
  /** Asks inline before submitting, e.g. "Delete this check and its history?". */
  confirm?: string;
  /** Extra form fields (hidden inputs, a select) submitted with the button. */
  children?: ReactNode;
  className?: string;
}

/** One server action behind a button, with an optional inline confirmation and its outcome. */
export function ActionButton({ action, label, pendingLabel = "Working…", variant = "secondary", confirm, children, className = "" }: ActionButtonProps) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className={className}>
      <div className="flex flex-wrap items-center gap-2">
        {children}
        <ConfirmSubmit label={label} pendingLabel={pendingLabel} variant={variant} confirm={confirm} pending={pending} />
      </div>
      <FormMessage state={state} className="mt-1" />
    </form>
  );
}
