/** An unsubscribe link whose signature does not match its channel, or whose channel is gone. */
export default function UnsubscribeLinkNotFound() {
  return (
    <>
      <h1 className="text-xl font-semibold">This unsubscribe link is not valid</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        The link may have been copied incompletely, the integration may have been deleted, or the server&apos;s secret key has changed
        since the email was sent. Use the link in a newer alert email, or ask a project member to turn the integration off.
      </p>
    </>
  );
}
