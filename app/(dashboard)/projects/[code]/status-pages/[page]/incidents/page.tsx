import Link from "next/link";
import { IMPACT_LABEL, impactTone, toneClass, updateStatusLabel, updateStatusTone } from "@/components/status-pages/labels";
import type { IncidentView } from "@/components/status-pages/view";
import { buttonClass } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import type { Impact } from "@/lib/status-pages/types";
import { listIncidentViews, loadStatusPage } from "../../load";

export const metadata = { title: "Incidents" };

export default async function IncidentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string; page: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code, page: pageCode } = await params;
  const query = await searchParams;
  const base = `/projects/${code}/status-pages/${pageCode}`;
  const { actor, page, canEdit } = await loadStatusPage(code, pageCode, `${base}/incidents`);
  const incidents = await listIncidentViews(actor, page.code, "incident");
  const open = incidents.filter((i) => !i.resolvedAt);
  const past = incidents.filter((i) => i.resolvedAt);

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold">Incidents</h2>
        {canEdit && (
          <Link href={`${base}/incidents/new`} className={buttonClass("primary")}>
            New incident
          </Link>
        )}
      </div>
      {query.deleted && (
        <p role="status" className="text-sm text-green-700 dark:text-green-400">
          Incident deleted.
        </p>
      )}
      <IncidentList title="Open" empty="No open incidents." incidents={open} base={base} timeZone={page.timeZone} />
      <IncidentList title="Past" empty="No past incidents." incidents={past} base={base} timeZone={page.timeZone} />
    </div>
  );
}

function IncidentList({ title, empty, incidents, base, timeZone }: { title: string; empty: string; incidents: IncidentView[]; base: string; timeZone: string }) {
  const id = `incidents-${title.toLowerCase()}`;
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h3 id={id} className="text-lg font-semibold">
        {title} <span className="text-sm font-normal text-slate-500">({incidents.length})</span>
      </h3>
      {incidents.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p>
      ) : (
        <ul className="grid gap-2" role="list">
          {incidents.map((i) => (
            <li key={i.code} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <Link href={`${base}/incidents/${i.code}`} className="font-medium hover:underline">
                    {i.name}
                  </Link>
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    Opened {formatDateTime(i.createdAt, timeZone, { seconds: false })}
                    {i.resolvedAt && <> · resolved {formatDateTime(i.resolvedAt, timeZone, { seconds: false })}</>}
                    {i.auto && " · opened automatically"}
                  </p>
                </div>
                <div className="flex flex-wrap gap-2">
                  <span className={toneClass(updateStatusTone(i.status))}>{updateStatusLabel(i.status)}</span>
                  <span className={toneClass(impactTone(i.impact))}>Impact: {IMPACT_LABEL[i.impact as Impact] ?? i.impact}</span>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
