import { ActionForm } from "@/components/projects/action-form";
import { ACCESS_LABEL, THEME_LABEL } from "@/components/status-pages/labels";
import { PageEditor } from "@/components/status-pages/page-editor";
import type { PageAccess, PageTheme } from "@/lib/status-pages/types";
import { deletePageAction, savePageAction } from "../actions";
import { listProjectCheckNames, loadStatusPage, publicUrlBase, timeZoneNames } from "../load";

export const metadata = { title: "Status page" };

/** The page's settings and components: the editor for owners and managers, a summary for others. */
export default async function StatusPageSettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string; page: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code, page: pageCode } = await params;
  const query = await searchParams;
  const { actor, page, canEdit } = await loadStatusPage(code, pageCode, `/projects/${code}/status-pages/${pageCode}`);

  const saved =
    query.saved === "created" ? "Status page created." : query.saved === "updated" ? "Saved." : null;

  return (
    <div className="space-y-8">
      <h2 className="sr-only">Settings</h2>
      {saved && (
        <p role="status" className="rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-100">
          {saved}
        </p>
      )}
      {canEdit ? (
        <>
          <PageEditor
            key={page.code}
            action={savePageAction.bind(null, code, page.code)}
            initial={{
              slug: page.slug,
              title: page.title,
              description: page.description,
              logo_url: page.logoUrl,
              theme: page.theme as PageTheme,
              time_zone: page.timeZone,
              custom_domain: page.customDomain ?? "",
              access: page.access as PageAccess,
              auto_incidents: page.autoIncidents,
              components: page.components.map((c) => ({ check: c.check, name: c.name, description: c.description, group: c.group })),
            }}
            checks={await listProjectCheckNames(actor, code)}
            timeZones={timeZoneNames()}
            hasPassword={page.hasPassword}
            publicUrlBase={publicUrlBase()}
            submitLabel="Save changes"
          />
          <section aria-labelledby="delete-heading" className="max-w-3xl space-y-2 rounded-lg border border-red-200 p-4 dark:border-red-900">
            <h2 id="delete-heading" className="text-lg font-semibold">
              Delete this status page
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Its address stops answering, and its incidents, maintenance and subscribers are deleted with it. The checks stay.
            </p>
            <ActionForm
              action={deletePageAction.bind(null, code, page.code)}
              submitLabel="Delete status page"
              pendingLabel="Deleting…"
              variant="danger"
              confirm={`Delete “${page.title}” for good?`}
            />
          </section>
        </>
      ) : (
        <PageSummary page={page} />
      )}
    </div>
  );
}

function PageSummary({ page }: { page: Awaited<ReturnType<typeof loadStatusPage>>["page"] }) {
  const rows: [string, string][] = [
    ["Slug", page.slug],
    ["Description", page.description || "—"],
    ["Logo URL", page.logoUrl || "—"],
    ["Theme", THEME_LABEL[page.theme as PageTheme] ?? page.theme],
    ["Time zone", page.timeZone],
    ["Custom domain", page.customDomain || "—"],
    ["Who can see it", ACCESS_LABEL[page.access as PageAccess] ?? page.access],
    ["Automatic incidents", page.autoIncidents ? "On" : "Off"],
  ];
  const groups = new Map<string, typeof page.components>();
  for (const c of page.components) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm text-slate-600 dark:text-slate-400">You can see this page&apos;s settings; only the project&apos;s owners and managers can change them.</p>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium text-slate-600 dark:text-slate-400">{k}</dt>
            <dd className="break-words">{v}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="components-heading" className="space-y-2">
        <h2 id="components-heading" className="text-lg font-semibold">
          Components
        </h2>
        {page.components.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No components.</p>
        ) : (
          [...groups].map(([group, list]) => (
            <div key={group} className="space-y-1">
              {group && <h3 className="text-sm font-semibold">{group}</h3>}
              <ul className="space-y-1 text-sm">
                {list.map((c) => (
                  <li key={c.check}>
                    {c.name} <span className="text-slate-500 dark:text-slate-400">(check “{c.checkName}”)</span>
                    {c.description && <span className="block text-slate-600 dark:text-slate-400">{c.description}</span>}
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </section>
    </div>
  );
}
