"use client";

import { useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { CheckEmail } from "./check-email";
import { idleLinkState, type LinkState } from "./link-state";

/** Sign-up asks only for an address; the browser's time zone comes along for the account. */
export function SignupForm({ signUp }: { signUp: (state: LinkState, formData: FormData) => Promise<LinkState> }) {
  const [state, formAction, pending] = useActionState(signUp, idleLinkState);
  const [tz, setTz] = useState("");

  useEffect(() => {
    setTz(Intl.DateTimeFormat().resolvedOptions().timeZone ?? "");
  }, []);

  if (state.status === "sent") return <CheckEmail email={state.email} />;
  const error = state.status === "error" ? state.error : null;
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
          defaultValue={state.status === "error" ? state.email : ""}
          aria-invalid={error ? true : undefined}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Sign up"}
      </Button>
    </form>
  );
}
