import Link from "next/link";
import { ConfirmEmailChangeForm } from "@/components/account/confirm-email-change-form";
import { findEmailChange } from "@/lib/users/confirm-email-change";
import { confirmEmailChangeAction } from "./actions";

export const metadata = { title: "Confirm your new email address", referrer: "no-referrer" };

export default async function ChangeEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const change = await findEmailChange(token);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Confirm your new email address</h1>
      {change ? (
        <ConfirmEmailChangeForm newEmail={change.newEmail} confirm={confirmEmailChangeAction.bind(null, token)} />
      ) : (
        <>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            This link was already used or has expired (links work for one hour). Request the change again from your account page.
          </p>
          <Link href="/accounts/profile" className="text-sm font-medium text-sky-700 hover:underline dark:text-sky-400">
            Go to your account
          </Link>
        </>
      )}
    </div>
  );
}
