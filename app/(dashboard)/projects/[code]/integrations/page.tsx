import Link from "next/link";
import type { ReactNode } from "react";
import { ChannelCard } from "./channel-card";
import { loadProject } from "../load-project";
import { KindIcon } from "@/components/integrations/kind-icon";
import { can } from "@/lib/auth/permissions";
import { findProjectChannels } from "@/lib/channels/queries";
import { getEnv } from "@/lib/env";
import { listKinds } from "@/lib/integrations/registry";

export const metadata = { title: "Integrations" };

function Notice({ tone, children }: { tone: "warning" | "info" | "error"; children: ReactNode }) {
  const styles = {
    warning: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100",
    error: "border-red-300 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100",
    info: "border-sky-200 bg-sky-50 text-sky-900 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-100",
  }[tone];
  // Only the one-off "saved" note is announced; standing warnings are read in page order.
  return (
    <div role={tone === "info" ? "status" : undefined} className={`rounded-md border px-4 py-3 text-sm ${styles}`}>
      {tone !== "info" && <span className="sr-only">{tone === "error" ? "Error: " : "Warning: "}</span>}
      {children}
    </div>
  );
}

export default async function IntegrationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code } = await params;
  const query = await searchParams;
  const { user, actor, project, role } = await loadProject(code, `/projects/${code}/integrations`);
  const canWrite = can(role, "write");
  const { channels, checks } = await findProjectChannels({ actor, projectCode: code });
  const env = getEnv();
  const kinds = listKinds().filter((k) => k.isEnabled?.(env) ?? true);
  const failing = channels.filter((c) => c.lastError || c.disabled);
  const saved = typeof query.saved === "string" ? channels.find((c) => c.code === query.saved) : undefined;
  const now = new Date();

  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Integrations</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Where {project.name ? <>“{project.name}”</> : "this project"} sends notifications when checks go down and come back up.
        </p>
      </header>

      <div className="space-y-3">
        {saved && query.verify === "sent" && (
          <Notice tone="info">
            Integration saved. We emailed a confirmation link to the address: notifications start once someone opens it.
          </Notice>
        )}
        {saved && query.verify === "failed" && (
          <Notice tone="warning">
            Integration saved, but the confirmation email could not be sent. Check the server&apos;s email settings, then use
            “Resend confirmation”.
          </Notice>
        )}
        {saved && !query.verify && <Notice tone="info">Integration saved.</Notice>}
        {channels.length === 0 && (
          <Notice tone="warning">
            This project has no integrations yet, so nobody is told when a check goes down.
            {canWrite ? " Add one below." : ""}
          </Notice>
        )}
        {failing.length > 0 && (
          <Notice tone="error">
            {failing.length === 1 ? "One integration needs" : `${failing.length} integrations need`} attention: see the
            {failing.length === 1 ? " error" : " errors"} below.
            {canWrite ? " Fix the settings, then send a test notification." : ""}
          </Notice>
        )}
      </div>

      {channels.length > 0 && (
        <section aria-labelledby="channels-heading" className="space-y-3">
          <h2 id="channels-heading" className="text-lg font-semibold">
            Configured integrations <span className="text-sm font-normal text-slate-500">({channels.length})</span>
          </h2>
          <ul className="grid gap-3" role="list">
            {channels.map((channel) => (
              <li key={channel.code}>
                <ChannelCard
                  channel={channel}
                  projectCode={project.code}
                  checks={checks}
                  canWrite={canWrite}
                  timeZone={user.tz}
                  now={now}
                />
              </li>
            ))}
          </ul>
        </section>
      )}

      {canWrite ? (
        <section aria-labelledby="add-heading" className="space-y-3">
          <h2 id="add-heading" className="text-lg font-semibold">
            Add integration
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" role="list">
            {kinds.map((k) => (
              <li key={k.kind} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
                <div className="flex items-center gap-2">
                  <span className="rounded-md bg-sky-50 p-1.5 text-sky-700 dark:bg-sky-950 dark:text-sky-300">
                    <KindIcon icon={k.icon} />
                  </span>
                  <h3 className="font-semibold">{k.label}</h3>
                </div>
                <p className="flex-1 text-sm text-slate-600 dark:text-slate-400">{k.description}</p>
                <Link
                  href={`/projects/${project.code}/integrations/add/${k.kind}`}
                  className="self-start rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
                >
                  Add {k.label} integration
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">You have read-only access to this project, so you cannot change its integrations.</p>
      )}
    </div>
  );
}
