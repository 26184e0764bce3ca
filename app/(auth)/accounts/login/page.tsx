import Link from "next/link";
import { redirect } from "next/navigation";
import { FormMessage } from "@/components/auth/form-message";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNextPath } from "@/lib/auth/request-trust";
import { getCurrentUser } from "@/lib/auth/session";
import { getSignInErrorMessage } from "@/lib/auth/sign-in-errors";
import { getEnv } from "@/lib/env";
import { requestLinkAction } from "./actions";

export const metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeNextPath(first(params.next)) ?? "/";
  if (await getCurrentUser()) redirect(next);
  const env = getEnv();

  if (env.remoteUserHeader) {
    return (
      <div className="space-y-3">
        <h1 className="text-xl font-semibold">Sign in</h1>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Sign-in is handled by your organisation&apos;s single sign-on proxy, not by this page. If you see this, the proxy did
          not pass your identity on: contact your administrator.
        </p>
      </div>
    );
  }

  const emailEnabled = Boolean(env.email.host);
  const error = getSignInErrorMessage(first(params.error));
  const notice = first(params.signed_out)
    ? "You have been signed out."
    : first(params.closed)
      ? "Your account has been closed and its projects deleted."
      : first(params.check_email)
        ? "Check your email for a sign-in link."
        : null;

  return (
    <div className="space-y-5">
      <h1 className="text-xl font-semibold">Sign in to {env.siteName}</h1>
      {error && <FormMessage tone="error">{error}</FormMessage>}
      {notice && <FormMessage tone="success">{notice}</FormMessage>}
      {!emailEnabled && (
        <FormMessage tone="info">
          Sign-in links by email are not available: this server has no outgoing email configured (<code>EMAIL_HOST</code>). Sign in
          with your password.
        </FormMessage>
      )}
      <SignInForm next={next} emailEnabled={emailEnabled} requestLink={requestLinkAction} />
      <div className="border-t border-slate-200 pt-4 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
        {env.registrationOpen && emailEnabled ? (
          <p>
            New to {env.siteName}?{" "}
            <Link href="/accounts/signup" className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
              Create an account
            </Link>
          </p>
        ) : (
          <p>
            No account yet? An administrator can create one with <code className="break-all">npx vigil createuser --email you@example.org --password …</code>
          </p>
        )}
      </div>
    </div>
  );
}
