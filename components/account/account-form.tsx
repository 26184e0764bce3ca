"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "./form-status";
import { idleFormState, type FormState } from "@/lib/errors";

interface AccountFormProps {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  submitLabel: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  children?: ReactNode;
}

/** A form bound to a server action, with its submit button and outcome. */
export function AccountForm({ action, submitLabel, pendingLabel = "Saving…", variant = "primary", children }: AccountFormProps) {
  const [state, formAction, pending] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className="space-y-4">
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant={variant} disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
