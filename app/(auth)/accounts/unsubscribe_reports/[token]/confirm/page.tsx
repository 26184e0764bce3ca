import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { getEnv } from "@/lib/env";
import { getReportsSubscription } from "@/lib/reports/unsubscribe-reports";

// The token unsubscribes whoever holds it: keep it out of Referer headers to other sites.
export const metadata = { title: "Unsubscribe from reports", robots: { index: false }, referrer: "same-origin" };

/**
 * Where a report's unsubscribe link leads. Opening it changes nothing (mail scanners open
 * links); the button POSTs to the link itself. The account's address is not shown, since the
 * page is open to anyone holding the link.
 */
export default async function UnsubscribeReportsPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ token }, { done }] = await Promise.all([params, searchParams]);
  const subscription = await getReportsSubscription(token);
  if (!subscription) notFound();
  const { siteName } = getEnv();

  if (!subscription.subscribed) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">{done ? "You are unsubscribed" : "Already unsubscribed"}</h1>
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {siteName} will not send this account status reports or &ldquo;still down&rdquo; reminders any more. You can turn them back on in your
          account settings.
        </p>
        <Link href="/accounts/profile" className="text-sm font-medium text-sky-700 hover:underline dark:text-sky-400">
          Account settings
        </Link>
      </div>
    );
  }

  return (
    <form method="post" action={`/accounts/unsubscribe_reports/${encodeURIComponent(token)}/`} className="space-y-4">
      <input type="hidden" name="source" value="page" />
      <h1 className="text-xl font-semibold">Unsubscribe from reports?</h1>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Stop sending this account {siteName}&apos;s status reports and &ldquo;still down&rdquo; reminders. Alerts from your projects&apos;
        integrations are not affected.
      </p>
      <button type="submit" className={buttonClass("danger", "w-full")}>
        Unsubscribe
      </button>
    </form>
  );
}
