"use client";

import { signIn } from "next-auth/react";
import { useActionState, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { getSignInErrorMessage, TWO_FACTOR_REQUIRED } from "@/lib/auth/sign-in-errors";
import { idleFormState, type FormState } from "@/lib/errors";
import { CheckEmail } from "./check-email";
import { FormMessage } from "./form-message";
import { SecondFactorForm } from "./second-factor-form";

type Method = "link" | "password";

interface SignInFormProps {
  /** Path to open after signing in. */
  next: string;
  /** False when the server cannot send email: only the password form is offered. */
  emailEnabled: boolean;
  /** Server action that mails a sign-in link; a success carries the address in `values.email`. */
  requestLink: (state: FormState, formData: FormData) => Promise<FormState>;
}

/** Sign-in by emailed link or by password, and the second factor when the account has one. */
export function SignInForm({ next, emailEnabled, requestLink }: SignInFormProps) {
  const [method, setMethod] = useState<Method>(emailEnabled ? "link" : "password");
  const [email, setEmail] = useState("");
  const [twoFactorToken, setTwoFactorToken] = useState<string | null>(null);

  if (twoFactorToken) return <SecondFactorForm token={twoFactorToken} next={next} />;

  const switchTo = (m: Method) => {
    setMethod(m);
    // Keyboard and screen-reader users land in the form they asked for.
    requestAnimationFrame(() => document.getElementById(m === "link" ? "signin-link-email" : "signin-password-email")?.focus());
  };

  return (
    <div className="space-y-4">
      {method === "link" ? (
        <LinkForm next={next} email={email} setEmail={setEmail} requestLink={requestLink} />
      ) : (
        <PasswordForm next={next} email={email} setEmail={setEmail} onTwoFactor={setTwoFactorToken} />
      )}
      {emailEnabled && (
        <button
          type="button"
          onClick={() => switchTo(method === "link" ? "password" : "link")}
          className="w-full rounded-md py-1 text-sm font-medium text-sky-700 hover:underline dark:text-sky-400"
        >
          {method === "link" ? "Sign in with a password instead" : "Email me a sign-in link instead"}
        </button>
      )}
    </div>
  );
}

interface EmailProps {
  next: string;
  email: string;
  setEmail: (email: string) => void;
}

function LinkForm({ next, email, setEmail, requestLink }: EmailProps & { requestLink: SignInFormProps["requestLink"] }) {
  const [state, formAction, pending] = useActionState(requestLink, idleFormState);
  const [dismissed, setDismissed] = useState<FormState | null>(null);

  if (state.ok && state !== dismissed) {
    return (
      <CheckEmail email={state.values?.email ?? email}>
        <Button variant="secondary" onClick={() => setDismissed(state)}>
          Use a different address
        </Button>
      </CheckEmail>
    );
  }
  const error = state.ok === false && state !== dismissed ? (state.error ?? null) : null;
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="next" value={next} />
      <Field label="Email address" htmlFor="signin-link-email" error={error}>
        <Input
          id="signin-link-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={error ? true : undefined}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Email me a link"}
      </Button>
      <p className="text-xs text-slate-500 dark:text-slate-400">We email you a link that signs you in. No password needed.</p>
    </form>
  );
}

function PasswordForm({ next, email, setEmail, onTwoFactor }: EmailProps & { onTwoFactor: (token: string) => void }) {
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await signIn("password", { email, password, redirect: false, callbackUrl: next }).catch(() => null);
    if (result?.ok && !result.error) {
      // A full load, so the root layout renders with the user's theme.
      window.location.assign(next);
      return;
    }
    setPending(false);
    if (result?.error?.startsWith(TWO_FACTOR_REQUIRED)) {
      onTwoFactor(result.error.slice(TWO_FACTOR_REQUIRED.length));
      return;
    }
    setError(getSignInErrorMessage(result?.error ?? "Unknown"));
    setPassword("");
  }

  return (
    // method="post": a submit before hydration must never put the password in the URL.
    <form method="post" onSubmit={onSubmit} className="space-y-4">
      {error && <FormMessage tone="error">{error}</FormMessage>}
      <Field label="Email address" htmlFor="signin-password-email">
        <Input
          id="signin-password-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </Field>
      <Field label="Password" htmlFor="signin-password">
        <Input
          id="signin-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
