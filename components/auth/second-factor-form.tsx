"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { getSignInErrorMessage, SIGN_IN_ERRORS } from "@/lib/auth/sign-in-errors";
import { FormMessage } from "./form-message";

/**
 * The second step of a sign-in for accounts with two-factor authentication: a code from the
 * authenticator app (or a backup code) plus the token the first step handed out.
 */
export function SecondFactorForm({ token, next }: { token: string; next: string }) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await signIn("second-factor", { token, code, redirect: false, callbackUrl: next }).catch(() => null);
    if (result?.ok && !result.error) {
      // A full load, so the root layout renders with the user's theme.
      window.location.assign(next);
      return;
    }
    setPending(false);
    setExpired(result?.error === SIGN_IN_ERRORS.expired);
    setError(getSignInErrorMessage(result?.error ?? "Unknown"));
    setCode("");
    document.getElementById("totp-code")?.focus();
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <h2 className="text-lg font-semibold">Two-factor authentication</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Enter the 6-digit code from your authenticator app, or one of your backup codes.
        </p>
      </div>
      {error && (
        <FormMessage tone="error">
          {error}
          {expired && (
            <>
              {" "}
              <Link href={`/accounts/login?${new URLSearchParams({ next })}`} className="font-medium underline">
                Sign in again
              </Link>
            </>
          )}
        </FormMessage>
      )}
      <Field label="Authentication code" htmlFor="totp-code">
        <Input
          id="totp-code"
          autoFocus
          name="code"
          autoComplete="one-time-code"
          spellCheck={false}
          autoCapitalize="none"
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
          disabled={expired}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending || expired || !code.trim()}>
        {pending ? "Checking…" : "Verify"}
      </Button>
    </form>
  );
}
