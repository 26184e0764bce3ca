"use client";

import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { initialActionState, type CheckAction } from "./action-state";
import { FormMessage } from "./form-message";

interface ActionButtonProps {
  action: CheckAction;
  label: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  /** Asks inline before submitting, e.g. "Delete this check and its history?". */
  confirm?: string;
  /** Extra form fields (hidden inputs, a select) submitted with the button. */
  children?: ReactNode;
  className?: string;
}

/** One server action behind a button, with an optional inline confirmation and its outcome. */
export function ActionButton({ action, label, pendingLabel = "Working…", variant = "secondary", confirm, children, className = "" }: ActionButtonProps) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [confirming, setConfirming] = useState(false);
  const yesRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) yesRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (!pending) setConfirming(false);
  }, [pending, state]);

  return (
    <form action={formAction} className={className}>
      <div className="flex flex-wrap items-center gap-2">
        {children}
        {confirm && confirming ? (
          <span role="group" aria-label="Confirm" className="flex flex-wrap items-center gap-2">
            <span className="text-sm">{confirm}</span>
            <button ref={yesRef} type="submit" className={buttonClass(variant)} disabled={pending}>
              {pending ? pendingLabel : `Yes, ${label.toLowerCase()}`}
            </button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              Cancel
            </Button>
          </span>
        ) : confirm ? (
          <Button variant={variant} onClick={() => setConfirming(true)} disabled={pending}>
            {label}
          </Button>
        ) : (
          <button type="submit" className={buttonClass(variant)} disabled={pending}>
            {pending ? pendingLabel : label}
          </button>
        )}
      </div>
      <FormMessage state={state} className="mt-1" />
    </form>
  );
}
