import Link from "next/link";
import type { ReactNode } from "react";
import { ActionButton } from "@/components/checks/action-button";
import { ChannelToggles } from "@/components/checks/channel-toggles";
import { CheckFieldsForm } from "@/components/checks/check-fields-form";
import { CopyButton } from "@/components/checks/copy-button";
import { DowntimeTable } from "@/components/checks/downtime-table";
import { EventLog } from "@/components/checks/event-log";
import { FiltersForm } from "@/components/checks/filters-form";
import { getUsageExamples } from "@/components/checks/get-usage-examples";
import { RelativeTime } from "@/components/checks/relative-time";
import { StatusBadge } from "@/components/checks/status-badge";
import { TimingDialogs } from "@/components/checks/timing-dialogs";
import { UsageExamples } from "@/components/checks/usage-examples";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { userActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { listCheckChannels } from "@/lib/checks/check-channels";
import { getDowntimeSummary } from "@/lib/checks/downtime";
import { getCheckEvents } from "@/lib/checks/get-check-events";
import { getDisplayStatus } from "@/lib/checks/status";
import { getEnv } from "@/lib/env";
import { formatDateTime, formatDuration } from "@/lib/format";
import { listUserProjects } from "@/lib/projects/queries";
import { canonicalTimezones } from "@/lib/schedules/canonical-timezones";
import { findCheckMaintenance } from "@/lib/status-pages/check-maintenance";
import { describeSchedule } from "@/lib/schedules/describe-schedule";
import { clearEvents, deleteCheck, moveCheck, pauseCheck, pingNow, resumeCheck, setChannel, updateCheckFields } from "./actions";
import { loadCheck } from "./load-check";
import { parseChartRange, ProbePanel } from "./probe-panel";

export const metadata = { title: "Check details" };

const EVENTS_PER_PAGE = 100;

/** `?before=<ping number>`: anything but a whole number a ping can have shows the newest page. */
function parseBefore(value: string | string[] | undefined): number | undefined {
  if (typeof value !== "string" || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}

function UrlRow({ label, value, what }: { label: string; value: string; what: string }) {
  return (
    <div className="space-y-1">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</p>
      <div className="flex items-center gap-2">
        <code className="min-w-0 flex-1 break-all rounded bg-slate-100 px-2 py-1 font-mono text-sm dark:bg-slate-800">{value}</code>
        <CopyButton text={value} what={what} />
      </div>
    </div>
  );
}

function Note({ children }: { children: ReactNode }) {
  return <p className="text-xs text-slate-500 dark:text-slate-400">{children}</p>;
}

type LoadedCheck = Awaited<ReturnType<typeof loadCheck>>["check"];

function FiltersSummary({ check }: { check: LoadedCheck }) {
  const items = [
    check.methods === "POST" ? "Only POST requests count as pings" : "Any HTTP method counts as a ping",
    check.filterHttpBody && "HTTP pings are classified by keywords in the body",
    check.filterSubject && "Email pings are classified by keywords in the subject",
    check.filterBody && "Email pings are classified by keywords in the body",
    check.failureKw && `Failure keywords: ${check.failureKw}`,
    check.successKw && `Success keywords: ${check.successKw}`,
    check.startKw && `Start keywords: ${check.startKw}`,
    (check.filterHttpBody || check.filterSubject || check.filterBody) &&
      (check.filterDefaultFail ? "Pings matching no keyword are failures" : "Pings matching no keyword are ignored"),
    check.manualResume && "Pings are ignored while the check is paused",
    check.failureThreshold > 1
      ? `The check goes down after ${check.failureThreshold} failure pings in a row`
      : "The check goes down on the first failure ping",
    check.reminderInterval > 0
      ? `While down, a reminder is sent every ${formatDuration(check.reminderInterval)}`
      : "No repeat reminders while down",
  ].filter((item): item is string => Boolean(item));
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

export default async function CheckDetailsPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code } = await params;
  const query = await searchParams;
  const { user, check, project, role } = await loadCheck(code, `/checks/${code}/details`);
  const canWrite = can(role, "write");
  const now = new Date();
  const beforeN = parseBefore(query.before);
  const actor = userActor(user.id);
  // Maintenance windows mark the events and are left out of the downtime.
  const maintenance = await findCheckMaintenance({ actor, checkCode: check.code, now });
  const [events, downtime, channels, projects] = await Promise.all([
    getCheckEvents({ actor, checkCode: check.code, limit: EVENTS_PER_PAGE, beforeN, maintenance }),
    getDowntimeSummary({ actor, checkCode: check.code, tz: user.tz, now, maintenance }),
    listCheckChannels({ actor, checkCode: check.code }),
    canWrite ? listUserProjects(user.id) : Promise.resolve([]),
  ]);
  const moveTargets = projects.filter((p) => p.code !== project.code && can(p.role, "write"));
  const status = getDisplayStatus(check, now);
  const env = getEnv();

  const uuidUrl = `${env.pingEndpoint}${check.code}`;
  const slugUrl = project.pingKey && check.slug ? `${env.pingEndpoint}${project.pingKey}/${check.slug}` : null;
  const email = `${check.code}@${env.pingEmailDomain}`;
  const examples = getUsageExamples(project.showSlugs && slugUrl ? slugUrl : uuidUrl, email);
  const update = updateCheckFields.bind(null, check.code);
  const timezones = canWrite ? [...canonicalTimezones].sort() : [];

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/projects/${project.code}/checks`} className="text-sky-700 hover:underline dark:text-sky-400">
          ← {project.name || "Project"}: all checks
        </Link>
      </nav>

      {query.new === "1" && (
        <div role="status" className="rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-100">
          Check created. Give it a name and a period or schedule, then add its ping URL to your job.
        </div>
      )}

      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-2">
          <h1 className="break-words text-2xl font-semibold">{check.name || <span className="italic text-slate-500">unnamed</span>}</h1>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600 dark:text-slate-400">
            <StatusBadge status={status} size="lg" />
            <span>
              Last ping: <RelativeTime at={check.lastPing?.getTime() ?? null} exact={check.lastPing ? formatDateTime(check.lastPing, user.tz) : null} serverNow={now.getTime()} />
            </span>
            <span>
              {check.nPings.toLocaleString("en-US")} {check.nPings === 1 ? "ping" : "pings"} total
            </span>
          </div>
          {check.tags && (
            <ul className="flex flex-wrap gap-1" aria-label="Tags">
              {check.tags.split(" ").filter(Boolean).map((tag) => (
                <li key={tag} className="rounded-full border border-slate-300 bg-slate-50 px-2 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-800">
                  {tag}
                </li>
              ))}
            </ul>
          )}
          {check.desc && <p className="max-w-2xl whitespace-pre-wrap text-sm">{check.desc}</p>}
        </div>
        {canWrite && (
          <div className="flex flex-wrap gap-2">
            <ActionButton action={pingNow.bind(null, check.code)} label="Ping now" pendingLabel="Pinging…" />
            {check.status === "paused" ? (
              <ActionButton action={resumeCheck.bind(null, check.code)} label="Resume" pendingLabel="Resuming…" />
            ) : (
              <ActionButton action={pauseCheck.bind(null, check.code)} label="Pause" pendingLabel="Pausing…" />
            )}
          </div>
        )}
      </header>

      {check.probe !== null && (
        <ProbePanel
          actor={actor}
          check={{ id: check.id, code: check.code, probe: check.probe }}
          projectCode={project.code}
          canWrite={canWrite}
          range={parseChartRange(query.range)}
          tz={user.tz}
          now={now}
          maintenance={maintenance}
        />
      )}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          {canWrite && (
            <Card title="Name, slug, tags and description">
              <CheckFieldsForm action={update} check={{ name: check.name, slug: check.slug, tags: check.tags, desc: check.desc }} />
            </Card>
          )}

          <Card title="How to ping">
            <div className="space-y-4">
              <UrlRow label="Ping URL" value={uuidUrl} what="the ping URL" />
              {slugUrl ? (
                <UrlRow label="Ping URL with slug" value={slugUrl} what="the slug ping URL" />
              ) : (
                <Note>
                  {!project.pingKey ? (
                    <>
                      This project has no ping key, so there is no slug URL.{" "}
                      {can(role, "write") && (
                        <Link href={`/projects/${project.code}/settings`} className="underline">
                          Create one in the project settings.
                        </Link>
                      )}
                    </>
                  ) : (
                    "Give the check a slug to ping it by name: …/ping/<ping-key>/<slug>."
                  )}
                </Note>
              )}
              <UrlRow label="Email address" value={email} what="the ping email address" />
              <Note>
                Append <code>/start</code> when a job starts, <code>/fail</code> when it fails, <code>/log</code> to log without changing the
                status, or <code>/&lt;exit status&gt;</code> (0 success, 1–255 failure).
              </Note>
              <UsageExamples examples={examples} />
            </div>
          </Card>

          <Card title="Schedule">
            <div className="space-y-3">
              {check.kind === "simple" ? (
                <dl className="grid grid-cols-2 gap-2 text-sm">
                  <div>
                    <dt className="text-xs text-slate-500 dark:text-slate-400">Period</dt>
                    <dd className="font-medium">{formatDuration(check.timeout)}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500 dark:text-slate-400">Grace time</dt>
                    <dd className="font-medium">{formatDuration(check.grace)}</dd>
                  </div>
                </dl>
              ) : (
                <dl className="space-y-2 text-sm">
                  <div>
                    <dt className="text-xs text-slate-500 dark:text-slate-400">{check.kind === "cron" ? "Cron expression" : "OnCalendar expression"}</dt>
                    <dd>
                      <code className="whitespace-pre-wrap font-mono">{check.schedule}</code>
                      <span className="block text-slate-600 dark:text-slate-400">{describeSchedule(check.schedule)}</span>
                    </dd>
                  </div>
                  <div className="grid grid-cols-2 gap-2">
                    <div>
                      <dt className="text-xs text-slate-500 dark:text-slate-400">Time zone</dt>
                      <dd className="font-medium">{check.tz}</dd>
                    </div>
                    <div>
                      <dt className="text-xs text-slate-500 dark:text-slate-400">Grace time</dt>
                      <dd className="font-medium">{formatDuration(check.grace)}</dd>
                    </div>
                  </div>
                </dl>
              )}
              {check.probe !== null && <Note>An active check&apos;s period is its probe&apos;s interval: change it in the probe settings.</Note>}
              {canWrite && check.probe === null && (
                <TimingDialogs
                  action={update}
                  previewUrl={`/api/ui/checks/${check.code}/schedule`}
                  kind={check.kind}
                  timeout={check.timeout}
                  grace={check.grace}
                  schedule={check.schedule}
                  tz={check.tz}
                />
              )}
            </div>
          </Card>

          <Card title="Filters">
            {canWrite ? (
              <details>
                <summary className="cursor-pointer text-sm text-sky-700 dark:text-sky-400">Keyword and method filters, manual resume, failure threshold, reminders</summary>
                <div className="mt-4">
                  <FiltersForm
                    action={update}
                    filters={{
                      methods: check.methods,
                      filterHttpBody: check.filterHttpBody,
                      filterSubject: check.filterSubject,
                      filterBody: check.filterBody,
                      filterDefaultFail: check.filterDefaultFail,
                      startKw: check.startKw,
                      successKw: check.successKw,
                      failureKw: check.failureKw,
                      manualResume: check.manualResume,
                      failureThreshold: check.failureThreshold,
                      reminderInterval: check.reminderInterval,
                    }}
                  />
                </div>
              </details>
            ) : (
              <FiltersSummary check={check} />
            )}
          </Card>
        </div>

        <div className="space-y-6">
          <Card
            title="Notifications"
            actions={
              <Link href={`/projects/${project.code}/integrations`} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
                Integrations
              </Link>
            }
          >
            {channels.length ? (
              <ChannelToggles channels={channels} setChannel={setChannel.bind(null, check.code)} canWrite={canWrite} />
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                The project has no integrations, so nobody is notified when this check goes down.
              </p>
            )}
          </Card>

          <Card title="Downtime">
            <DowntimeTable months={downtime} tz={user.tz} />
          </Card>

          {canWrite && (
            <Card title="Manage">
              <div className="space-y-4">
                <div className="space-y-1">
                  <ActionButton
                    action={clearEvents.bind(null, check.code)}
                    label="Clear events"
                    pendingLabel="Clearing…"
                    confirm="Delete all pings, status changes and notifications of this check, and reset it to new?"
                  />
                  <Note>Starts the check over as new; its settings and ping URL stay.</Note>
                </div>
                {moveTargets.length > 0 && (
                  <ActionButton action={moveCheck.bind(null, check.code)} label="Move" pendingLabel="Moving…" confirm="Move the check? It will notify the new project's integrations.">
                    <label htmlFor="move-project" className="text-sm font-medium">
                      Move to project
                    </label>
                    <Select id="move-project" name="project" className="w-auto" defaultValue={moveTargets[0]!.code}>
                      {moveTargets.map((p) => (
                        <option key={p.code} value={p.code}>
                          {p.name || "Unnamed project"}
                        </option>
                      ))}
                    </Select>
                  </ActionButton>
                )}
                <ActionButton
                  action={deleteCheck.bind(null, check.code, project.code)}
                  label="Delete check"
                  pendingLabel="Deleting…"
                  variant="danger"
                  confirm="Delete this check and all its history? Pings to its URL will then fail."
                />
              </div>
            </Card>
          )}
        </div>
      </div>

      <section aria-labelledby="events-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="events-heading" className="text-lg font-semibold">
            Events
          </h2>
          <p className="text-xs text-slate-500 dark:text-slate-400">Times in {user.tz}</p>
        </div>
        <Card>
          <EventLog events={events.events} tz={user.tz} checkCode={check.code} />
        </Card>
        <nav aria-label="Event pages" className="flex gap-4 text-sm">
          {beforeN !== undefined && (
            <Link href={`/checks/${check.code}/details#events-heading`} className="text-sky-700 hover:underline dark:text-sky-400">
              Newest events
            </Link>
          )}
          {events.olderBeforeN !== null && (
            <Link href={`/checks/${check.code}/details?before=${events.olderBeforeN}#events-heading`} className="text-sky-700 hover:underline dark:text-sky-400">
              Older events
            </Link>
          )}
        </nav>
      </section>

      {canWrite && (
        <datalist id="vigil-timezones">
          {timezones.map((tz) => (
            <option key={tz} value={tz} />
          ))}
        </datalist>
      )}
    </div>
  );
}
