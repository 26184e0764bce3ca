"use client";

import { useEffect, useRef, useState } from "react";
import { Button, buttonClass, type ButtonVariant } from "./button";

/**
 * A form's submit button. With `confirm` it first asks inline ("Yes, <label>" and Cancel, no
 * browser dialog), moves focus to the yes button, and drops the question once the submission ends.
 */
export function ConfirmSubmit({
  label,
  pendingLabel,
  variant,
  confirm,
  pending,
}: {
  label: string;
  pendingLabel: string;
  variant: ButtonVariant;
  confirm?: string;
  pending: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const yesRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) yesRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (!pending) setConfirming(false);
  }, [pending]);

  if (!confirm) {
    return (
      <button type="submit" className={buttonClass(variant)} disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
    );
  }
  if (!confirming) {
    return (
      <Button variant={variant} onClick={() => setConfirming(true)} disabled={pending}>
        {label}
      </Button>
    );
  }
  return (
    <span role="group" aria-label="Confirm" className="flex flex-wrap items-center gap-2">
      <span className="text-sm">{confirm}</span>
      <button ref={yesRef} type="submit" className={buttonClass(variant)} disabled={pending}>
        {pending ? pendingLabel : `Yes, ${label.toLowerCase()}`}
      </button>
      <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
        Cancel
      </Button>
    </span>
  );
}
