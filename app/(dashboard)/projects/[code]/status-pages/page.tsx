import Link from "next/link";
import { loadProject } from "../load-project";
import { listPageItems } from "./load";
import { ACCESS_LABEL, toneClass } from "@/components/status-pages/labels";
import { buttonClass } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { plural } from "@/lib/format";
import type { PageAccess } from "@/lib/status-pages/types";

export const metadata = { title: "Status pages" };

export default async function StatusPagesPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code } = await params;
  const query = await searchParams;
  const { actor, project, role } = await loadProject(code, `/projects/${code}/status-pages`);
  const canEdit = can(role, "manage");
  const pages = await listPageItems(actor, code);

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">Status pages</h1>
          <p className="max-w-2xl text-sm text-slate-600 dark:text-slate-400">
            Public pages that tell visitors how the checks of {project.name ? <>“{project.name}”</> : "this project"} are doing, with
            incidents, scheduled maintenance and 90-day uptime.
          </p>
        </div>
        {canEdit && (
          <Link href={`/projects/${code}/status-pages/new`} className={buttonClass("primary")}>
            New status page
          </Link>
        )}
      </header>

      {query.deleted && (
        <p role="status" className="rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-100">
          Status page deleted.
        </p>
      )}

      {pages.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          This project has no status pages yet.{canEdit ? " Create one to show visitors how your services are doing." : ""}
        </p>
      ) : (
        <ul className="grid gap-3" role="list">
          {pages.map((p) => (
            <li key={p.code} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0 space-y-1">
                  <h2 className="text-base font-semibold">
                    <Link href={`/projects/${code}/status-pages/${p.code}`} className="hover:underline">
                      {p.title}
                    </Link>
                  </h2>
                  <p className="text-sm text-slate-600 dark:text-slate-400">
                    Slug <span className="font-mono">{p.slug}</span>
                  </p>
                  <p className="break-all text-sm">
                    <a href={p.url} className="text-sky-700 hover:underline dark:text-sky-400" target="_blank" rel="noreferrer">
                      {p.url}
                    </a>
                  </p>
                </div>
                <div className="flex flex-wrap gap-2">
                  <span className={toneClass(p.access === "public" ? "plain" : "info")}>{ACCESS_LABEL[p.access as PageAccess] ?? p.access}</span>
                  <span className={toneClass("plain")}>{plural(p.componentCount, "component")}</span>
                  <span className={toneClass(p.openIncidents > 0 ? "bad" : "good")}>
                    {p.openIncidents > 0 ? `${plural(p.openIncidents, "open incident")}` : "No open incidents"}
                  </span>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {!canEdit && <p className="text-sm text-slate-600 dark:text-slate-400">Only the project&apos;s owners and managers can change its status pages.</p>}
    </div>
  );
}
