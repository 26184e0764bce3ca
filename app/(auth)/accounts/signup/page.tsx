import Link from "next/link";
import { redirect } from "next/navigation";
import { SignupForm } from "@/components/auth/signup-form";
import { getCurrentUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { signUpAction } from "./actions";

export const metadata = { title: "Sign up" };

export default async function SignupPage() {
  if (await getCurrentUser()) redirect("/");
  const env = getEnv();
  const signInLink = (
    <Link href="/accounts/login" className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
      Sign in
    </Link>
  );

  let closedReason: string | null = null;
  if (env.remoteUserHeader) closedReason = "Accounts are handled by your organisation's single sign-on proxy.";
  else if (!env.registrationOpen) closedReason = "Sign-up is closed on this server. Ask an administrator for an account.";
  else if (!env.email.host) {
    closedReason =
      "Sign-up needs outgoing email, which this server has not configured (EMAIL_HOST). An administrator can create accounts with npx vigil createuser.";
  }

  return (
    <div className="space-y-5">
      <h1 className="text-xl font-semibold">Create your {env.siteName} account</h1>
      {closedReason ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">{closedReason}</p>
      ) : (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Monitor your cron jobs and background tasks. You get a project with a first check to try it out.
          </p>
          <SignupForm signUp={signUpAction} />
        </>
      )}
      <p className="border-t border-slate-200 pt-4 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
        Already have an account? {signInLink}
      </p>
    </div>
  );
}
