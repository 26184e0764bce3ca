import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { getEnv } from "@/lib/env";
import { readUpDownConfig } from "@/lib/integrations/config";
import { findChannelByVerifyToken } from "@/lib/integrations/email/verification";
import { confirmEmailAction } from "./actions";

export const metadata = { title: "Confirm email address", robots: { index: false } };

export default async function VerifyEmailPage({ params }: { params: Promise<{ code: string; token: string }> }) {
  const { code, token } = await params;
  const channel = await findChannelByVerifyToken(code, token);
  if (!channel) {
    return (
      <>
        <h1 className="text-xl font-semibold">This link is not valid</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          The integration was deleted, its address was changed, or the link was copied incompletely. Ask a project member to send a
          new confirmation link.
        </p>
      </>
    );
  }
  const address = readUpDownConfig(channel.config).value;
  const project = channel.project.name || "Default Project";
  if (channel.emailVerified) {
    return (
      <>
        <h1 className="text-xl font-semibold">Email address confirmed</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          <strong className="break-all text-slate-900 dark:text-slate-100">{address}</strong> will receive {getEnv().siteName}{" "}
          notifications about the project “{project}”.
        </p>
        <Link href="/" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
          Go to {getEnv().siteName}
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="text-xl font-semibold">Confirm email address</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Someone asked {getEnv().siteName} to send notifications about the project “{project}” to{" "}
        <strong className="break-all text-slate-900 dark:text-slate-100">{address}</strong>. Confirm to start receiving them.
      </p>
      <form action={confirmEmailAction.bind(null, code, token)}>
        <button type="submit" className={buttonClass("primary", "w-full")}>
          Confirm
        </button>
      </form>
      <p className="text-xs text-slate-500 dark:text-slate-400">If you did not ask for this, close this page: nothing is sent until you confirm.</p>
    </>
  );
}
