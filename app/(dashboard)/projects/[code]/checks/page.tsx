import Link from "next/link";
import type { ReactNode } from "react";
import { ChecksDashboard, type DashboardSort } from "@/components/checks/checks-dashboard";
import { CopyButton } from "@/components/checks/copy-button";
import { buttonClass } from "@/components/ui/button";
import { userActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { listDashboardChannels, listDashboardChecks } from "@/lib/checks/list-dashboard-checks";
import { getEnv } from "@/lib/env";
import { getKind } from "@/lib/integrations/registry";
import { setChannel } from "./actions";
import { loadProject } from "../load-project";

export const metadata = { title: "Checks" };

const SORTS: DashboardSort[] = ["name", "status", "last_ping"];

function EmptyState({ canWrite, pingEndpoint, addButton }: { canWrite: boolean; pingEndpoint: string; addButton: ReactNode }) {
  const example = `0 3 * * * /usr/local/bin/backup.sh && curl -fsS -m 10 --retry 5 -o /dev/null ${pingEndpoint}<uuid>`;
  return (
    <section aria-labelledby="empty-heading" className="rounded-lg border border-dashed border-slate-300 p-6 dark:border-slate-700">
      <h2 id="empty-heading" className="text-lg font-semibold">
        No checks yet
      </h2>
      <div className="mt-2 max-w-2xl space-y-3 text-sm text-slate-700 dark:text-slate-300">
        <p>
          A <strong>check</strong> watches one cron job or service. Each check has its own ping URL: your job requests it every time it
          runs. When a ping does not arrive on time, the check goes <strong>down</strong> and the project&apos;s integrations tell you.
        </p>
        <p>For example, a nightly backup in crontab that pings its check after it succeeds:</p>
        <div className="flex items-start gap-2">
          <pre className="min-w-0 flex-1 overflow-x-auto rounded-md bg-slate-100 p-3 font-mono text-xs dark:bg-slate-800">
            <code>{example}</code>
          </pre>
          <CopyButton text={example} what="the crontab example" />
        </div>
        {canWrite ? (
          <p>Add a check to get its ping URL.</p>
        ) : (
          <p>You have read-only access to this project, so you cannot add checks here.</p>
        )}
      </div>
      {canWrite && <div className="mt-4">{addButton}</div>}
    </section>
  );
}

export default async function ChecksPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code } = await params;
  const query = await searchParams;
  const { user, project, role } = await loadProject(code, `/projects/${code}/checks`);
  const canWrite = can(role, "write");
  const now = new Date();
  const actor = userActor(user.id);
  const [checks, channels] = await Promise.all([
    listDashboardChecks({ actor, projectCode: project.code, now, tz: user.tz }),
    listDashboardChannels({ actor, projectCode: project.code }),
  ]);
  const env = getEnv();
  const sort = SORTS.find((s) => s === query.sort) ?? "name";
  // "Add check" first asks what to watch: a cron job (made at once) or a website or service.
  const addButton = canWrite ? (
    <Link href={`/projects/${project.code}/checks/new`} className={buttonClass("primary")}>
      Add check
    </Link>
  ) : null;

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Checks</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">{project.name || "Unnamed project"}</p>
        </div>
        {checks.length > 0 && addButton}
      </header>
      <ChecksDashboard
        projectCode={project.code}
        initialChecks={checks}
        serverNow={now.getTime()}
        initialSort={sort}
        emptyState={<EmptyState canWrite={canWrite} pingEndpoint={env.pingEndpoint} addButton={addButton} />}
        channels={channels.map((c) => ({ ...c, kindLabel: getKind(c.kind)?.label ?? c.kind, icon: getKind(c.kind)?.icon ?? "plug" }))}
        pingEndpoint={env.pingEndpoint}
        // Healthchecks' rows show the slug URL when the project shows slugs and has a ping key.
        slugPrefix={project.showSlugs && project.pingKey ? `${env.pingEndpoint}${project.pingKey}/` : null}
        setChannel={canWrite ? setChannel : undefined}
      />
    </div>
  );
}
