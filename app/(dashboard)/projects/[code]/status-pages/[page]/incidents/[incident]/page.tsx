import { ActionForm } from "@/components/projects/action-form";
import { IncidentUpdateForm } from "@/components/status-pages/incident-forms";
import { IncidentTimeline } from "@/components/status-pages/incident-timeline";
import { IMPACT_LABEL, componentStatusLabel, componentStatusTone, impactTone, toneClass, updateStatusLabel, updateStatusTone } from "@/components/status-pages/labels";
import type { Impact } from "@/lib/status-pages/types";
import { createIncidentUpdateAction, deleteIncidentAction } from "../../../actions";
import { loadIncidentView, loadStatusPage } from "../../../load";

export const metadata = { title: "Incident" };

export default async function IncidentPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string; page: string; incident: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code, page: pageCode, incident: incidentCode } = await params;
  const query = await searchParams;
  const base = `/projects/${code}/status-pages/${pageCode}`;
  const { actor, page, canEdit } = await loadStatusPage(code, pageCode, `${base}/incidents/${incidentCode}`);
  const incident = await loadIncidentView(actor, page.code, incidentCode, "incident");
  const current = new Map(incident.components.map((c) => [c.check, c.status]));

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h2 className="text-xl font-semibold">{incident.name}</h2>
        <p className="flex flex-wrap gap-2">
          <span className={toneClass(updateStatusTone(incident.status))}>{updateStatusLabel(incident.status)}</span>
          <span className={toneClass(impactTone(incident.impact))}>Impact: {IMPACT_LABEL[incident.impact as Impact] ?? incident.impact}</span>
          {incident.auto && <span className={toneClass("plain")}>Opened automatically</span>}
        </p>
        {query.posted && (
          <p role="status" className="text-sm text-green-700 dark:text-green-400">
            Incident posted.
          </p>
        )}
      </header>

      {incident.components.length > 0 && (
        <section aria-labelledby="affected-heading" className="space-y-2">
          <h3 id="affected-heading" className="text-lg font-semibold">
            Affected components
          </h3>
          <ul className="flex flex-wrap gap-2">
            {incident.components.map((c) => (
              <li key={c.check} className={toneClass(componentStatusTone(c.status))}>
                {c.name}: {componentStatusLabel(c.status)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="updates-heading" className="space-y-3">
        <h3 id="updates-heading" className="text-lg font-semibold">
          Updates
        </h3>
        <IncidentTimeline updates={incident.updates} timeZone={page.timeZone} />
      </section>

      {canEdit && (
        <>
          <section aria-labelledby="post-heading" className="space-y-3">
            <h3 id="post-heading" className="text-lg font-semibold">
              Post an update
            </h3>
            <IncidentUpdateForm
              action={createIncidentUpdateAction.bind(null, code, page.code, incident.code)}
              components={page.components.map((c) => ({ check: c.check, name: c.name, group: c.group, current: current.get(c.check) }))}
              kind="incident"
              currentStatus={incident.status}
            />
          </section>
          <section aria-labelledby="delete-heading" className="max-w-2xl space-y-2 rounded-lg border border-red-200 p-4 dark:border-red-900">
            <h3 id="delete-heading" className="text-lg font-semibold">
              Delete this incident
            </h3>
            <p className="text-sm text-slate-600 dark:text-slate-400">It disappears from the page and its history. Subscribers are not told.</p>
            <ActionForm
              action={deleteIncidentAction.bind(null, code, page.code, incident.code, "incident")}
              submitLabel="Delete incident"
              pendingLabel="Deleting…"
              variant="danger"
              confirm="Delete this incident for good?"
            />
          </section>
        </>
      )}
    </div>
  );
}
