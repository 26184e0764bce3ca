import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { getEnv } from "@/lib/env";
import { findEmailChannel, isValidUnsubscribeToken } from "@/lib/integrations/email/unsubscribe";

// The signed link unsubscribes whoever holds it: keep it out of Referer headers to other sites.
export const metadata = { title: "Unsubscribe", robots: { index: false }, referrer: "same-origin" };

/**
 * Where an alert's unsubscribe link leads. Opening it changes nothing (mail scanners open
 * links); the button POSTs to the link itself. A link whose signature does not match, or whose
 * channel is gone, gets the "not valid" page (404). The address is not shown, since anyone
 * holding the link can open the page.
 */
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string; token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ code, token }, { done }] = await Promise.all([params, searchParams]);
  if (!isValidUnsubscribeToken(code, token)) notFound();
  const channel = await findEmailChannel(code);
  if (!channel) notFound();
  const project = channel.project.name || "Default Project";
  const siteName = getEnv().siteName;

  if (channel.disabled) {
    return (
      <>
        <h1 className="text-xl font-semibold">{done ? "You are unsubscribed" : "Already unsubscribed"}</h1>
        <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
          This address will no longer receive {siteName} notifications about the project “{project}”. A project member can turn them
          back on from the project&apos;s integrations page.
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-xl font-semibold">Unsubscribe from notifications?</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Stop sending {siteName} notifications about the project “{project}” to this address.
      </p>
      {/* A plain form post to the route handler, which also serves one-click unsubscribe. */}
      <form method="post" action={`/integrations/${encodeURIComponent(channel.code)}/unsub/${encodeURIComponent(token)}/`}>
        <input type="hidden" name="source" value="page" />
        <button type="submit" className={buttonClass("danger", "w-full")}>
          Unsubscribe
        </button>
      </form>
    </>
  );
}
