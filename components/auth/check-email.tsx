import type { ReactNode } from "react";

/** The "check your email" state after a sign-in or sign-up link was requested. */
export function CheckEmail({ email, children }: { email: string; children?: ReactNode }) {
  return (
    <div role="status" className="space-y-3">
      <h2 className="text-lg font-semibold">Check your email</h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        If <strong className="break-all">{email}</strong> has an account, a sign-in link is on its way. Open it on this device
        within an hour; it works once.
      </p>
      <p className="text-sm text-slate-500 dark:text-slate-400">Nothing arrived? Check the spam folder, or try again in a minute.</p>
      {children}
    </div>
  );
}
