"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "./form-status";
import { idleFormState, type FormState } from "@/lib/errors";

/** The button on an email-change link's page (a POST, so mail scanners cannot use the link). */
export function ConfirmEmailChangeForm({ newEmail, confirm }: { newEmail: string; confirm: (state: FormState) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(confirm, idleFormState);
  if (state.ok) {
    return (
      <div role="status" className="space-y-4">
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Your account now uses <strong className="break-all">{newEmail}</strong>.
        </p>
        <Link href="/accounts/profile" className="text-sm font-medium text-sky-700 hover:underline dark:text-sky-400">
          Go to your account
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Use <strong className="break-all">{newEmail}</strong> as the email address of your account?
      </p>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Confirming…" : "Confirm new address"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
