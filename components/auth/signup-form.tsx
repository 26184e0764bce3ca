"use client";

import { useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { idleFormState, type FormState } from "@/lib/errors";
import { CheckEmail } from "./check-email";

/** Sign-up asks only for an address; the browser's time zone comes along for the account. */
/** `signUp` answers a success with the address in `values.email`, a refusal with the address typed. */
export function SignupForm({ signUp }: { signUp: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(signUp, idleFormState);
  const [tz, setTz] = useState("");

  useEffect(() => {
    setTz(Intl.DateTimeFormat().resolvedOptions().timeZone ?? "");
  }, []);

  if (state.ok) return <CheckEmail email={state.values?.email ?? ""} />;
  const error = state.ok === false ? (state.error ?? null) : null;
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="tz" value={tz} />
      <Field label="Email address" htmlFor="signup-email" error={error} hint="We email you a link to sign in. No password needed.">
        <Input
          id="signup-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.values?.email ?? ""}
          aria-invalid={error ? true : undefined}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Sign up"}
      </Button>
    </form>
  );
}
