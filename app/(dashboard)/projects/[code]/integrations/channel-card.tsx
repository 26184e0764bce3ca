import { ActionButton } from "@/components/checks/action-button";
import { AssignChecks } from "@/components/integrations/assign-checks";
import { ChannelControls } from "@/components/integrations/channel-controls";
import { KindIcon } from "@/components/integrations/kind-icon";
import type { ProjectChannel, ProjectCheckSummary } from "@/lib/channels/queries";
import { getKind, summarizeChannel } from "@/lib/integrations/registry";
import { formatDateTime } from "@/lib/format";
import { formatRelativeTime } from "@/lib/format";
import { assignChecksAction, deleteChannelAction, resendVerificationAction, sendTestAction, setNotifyDegradedAction } from "./actions";

function Badge({ tone, children }: { tone: "amber" | "red"; children: string }) {
  const styles =
    tone === "red"
      ? "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200"
      : "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100";
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${styles}`}>{children}</span>;
}

/** One configured integration: what it is, where it sends, for which checks, how the last send went. */
export function ChannelCard({
  channel,
  projectCode,
  checks,
  canWrite,
  timeZone,
  now,
}: {
  channel: ProjectChannel;
  projectCode: string;
  checks: ProjectCheckSummary[];
  canWrite: boolean;
  timeZone: string;
  now: Date;
}) {
  const descriptor = getKind(channel.kind);
  const kindLabel = descriptor?.label ?? channel.kind;
  const summary = summarizeChannel(channel.kind, channel.config);
  // Kinds set up from the service's side (Telegram) have no edit page.
  const isEditable = Boolean(descriptor?.form && descriptor.form.layout !== "connect");
  // Only a kind that confirms its address (email) ever stores emailVerified = false.
  const isUnconfirmed = !channel.emailVerified;
  const nAssigned = channel.checkCodes.length;
  const headingId = `channel-${channel.code}`;

  let coverage: string;
  if (checks.length === 0) coverage = "The project has no checks yet.";
  else if (nAssigned === 0) coverage = "Not used by any check.";
  else if (nAssigned === checks.length) coverage = `Notifies for all ${checks.length} check${checks.length === 1 ? "" : "s"}.`;
  else coverage = `Notifies for ${nAssigned} of ${checks.length} checks.`;

  return (
    <article
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex flex-wrap items-start gap-x-3 gap-y-1">
        <span className="rounded-md bg-slate-100 p-1.5 text-slate-700 dark:bg-slate-800 dark:text-slate-200">
          <KindIcon icon={descriptor?.icon ?? "plug"} />
        </span>
        <div className="min-w-0 flex-1">
          <h3 id={headingId} className="font-semibold">
            {channel.name || kindLabel}
            {/* The space keeps the article's accessible name "Ops Slack", not "OpsSlack". */}
            {channel.name && <> <span className="ml-1 text-sm font-normal text-slate-500 dark:text-slate-400">{kindLabel}</span></>}
          </h3>
          <ul className="text-sm text-slate-700 dark:text-slate-300">
            {summary.map((line) => (
              <li key={line} className="break-all font-mono text-xs leading-5">
                {line}
              </li>
            ))}
          </ul>
        </div>
        <div className="flex flex-wrap gap-1">
          {isUnconfirmed && <Badge tone="amber">Unconfirmed</Badge>}
          {channel.disabled && <Badge tone="red">Disabled</Badge>}
        </div>
      </header>

      {isUnconfirmed && !channel.disabled && (
        <p className="text-sm text-amber-800 dark:text-amber-200">
          Waiting for the recipient to open the confirmation link; no notifications are sent until then.
        </p>
      )}
      {channel.disabled && (
        <p className="text-sm text-red-700 dark:text-red-300">
          Disabled after a permanent error or an unsubscribe request. {canWrite ? "Edit and save it to enable it again." : ""}
        </p>
      )}

      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-500 dark:text-slate-400">Checks</dt>
        <dd className="space-y-1">
          <p>{coverage}</p>
          {canWrite && (
            <AssignChecks
              channelId={channel.code}
              checks={checks}
              assigned={channel.checkCodes}
              action={assignChecksAction.bind(null, projectCode, channel.code)}
            />
          )}
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">When degraded</dt>
        <dd className="space-y-1">
          <p>{channel.notifyDegraded ? "Notifies when an active check turns degraded and back." : "Not notified when an active check turns degraded."}</p>
          {canWrite && (
            <ActionButton
              action={setNotifyDegradedAction.bind(null, projectCode, channel.code, !channel.notifyDegraded)}
              label={channel.notifyDegraded ? "Stop notifying when degraded" : "Notify when degraded"}
              pendingLabel="Saving…"
            />
          )}
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">Last notification</dt>
        <dd>
          {channel.lastNotify ? (
            <>
              <time dateTime={channel.lastNotify.toISOString()} title={formatDateTime(channel.lastNotify, timeZone)}>
                {formatRelativeTime(channel.lastNotify, now)}
              </time>
              {channel.lastError ? (
                <span className="block break-words text-red-700 dark:text-red-300">Error: {channel.lastError}</span>
              ) : (
                <span className="text-green-700 dark:text-green-400"> — delivered</span>
              )}
            </>
          ) : (
            <span className="text-slate-500 dark:text-slate-400">Never</span>
          )}
        </dd>
      </dl>

      {canWrite && (
        <ChannelControls
          label={[kindLabel, channel.name, summary[0]].filter(Boolean).join(" · ")}
          editHref={isEditable ? `/projects/${projectCode}/integrations/${channel.code}/edit` : null}
          testAction={sendTestAction.bind(null, projectCode, channel.code)}
          deleteAction={deleteChannelAction.bind(null, projectCode, channel.code)}
          resendAction={isUnconfirmed ? resendVerificationAction.bind(null, channel.code) : null}
        />
      )}
    </article>
  );
}
