import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { findEmailChannel } from "@/lib/channels/find-email-channel";
import { getEnv } from "@/lib/env";

export const metadata = { title: "Unsubscribe", robots: { index: false } };

// The address is not shown: the link carries only the channel UUID, so anyone holding it
// could read the page.
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code } = await params;
  const { done } = await searchParams;
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
      <form method="post" action={`/integrations/${encodeURIComponent(channel.code)}/unsub`}>
        <input type="hidden" name="source" value="page" />
        <button type="submit" className={buttonClass("danger", "w-full")}>
          Unsubscribe
        </button>
      </form>
    </>
  );
}
