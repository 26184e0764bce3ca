import { ActionForm } from "@/components/projects/action-form";
import { IncidentUpdateForm, MaintenanceForm } from "@/components/status-pages/incident-forms";
import { IncidentTimeline } from "@/components/status-pages/incident-timeline";
import { toneClass, updateStatusLabel, updateStatusTone } from "@/components/status-pages/labels";
import { formatDateTime } from "@/lib/format";
import { cancelMaintenanceAction, createIncidentUpdateAction, deleteIncidentAction, saveMaintenanceAction } from "../../../actions";
import { toLocalTimeValue } from "../../../form-input";
import { loadIncidentView, loadStatusPage } from "../../../load";

export const metadata = { title: "Maintenance" };

export default async function MaintenanceWindowPage({ params }: { params: Promise<{ code: string; page: string; incident: string }> }) {
  const { code, page: pageCode, incident: incidentCode } = await params;
  const base = `/projects/${code}/status-pages/${pageCode}`;
  const { actor, page, canEdit } = await loadStatusPage(code, pageCode, `${base}/maintenance/${incidentCode}`);
  const m = await loadIncidentView(actor, page.code, incidentCode, "maintenance");
  const tz = page.timeZone;
  const done = m.resolvedAt !== null;
  const components = page.components.map((c) => ({ check: c.check, name: c.name, group: c.group }));

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h2 className="text-xl font-semibold">{m.name}</h2>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span className={toneClass(updateStatusTone(m.status))}>{updateStatusLabel(m.status)}</span>
          <span className="text-slate-600 dark:text-slate-400">
            {m.scheduledFor ? formatDateTime(m.scheduledFor, tz, { seconds: false }) : "—"} →{" "}
            {m.scheduledUntil ? formatDateTime(m.scheduledUntil, tz, { seconds: false }) : "—"}
          </span>
        </p>
        {m.components.length > 0 && <p className="text-sm text-slate-600 dark:text-slate-400">Components: {m.components.map((c) => c.name).join(", ")}</p>}
      </header>

      <section aria-labelledby="updates-heading" className="space-y-3">
        <h3 id="updates-heading" className="text-lg font-semibold">
          Updates
        </h3>
        <IncidentTimeline updates={m.updates} timeZone={tz} />
      </section>

      {canEdit && !done && (
        <>
          <section aria-labelledby="edit-heading" className="space-y-3">
            <h3 id="edit-heading" className="text-lg font-semibold">
              Edit
            </h3>
            <MaintenanceForm
              action={saveMaintenanceAction.bind(null, code, page.code, m.code)}
              components={components}
              initial={{
                name: m.name,
                body: m.updates[0]?.body ?? "",
                scheduled_for: m.scheduledFor ? toLocalTimeValue(m.scheduledFor, tz) : "",
                scheduled_until: m.scheduledUntil ? toLocalTimeValue(m.scheduledUntil, tz) : "",
                component: m.components.map((c) => c.check).join("\n"),
              }}
              timeZone={tz}
              submitLabel="Save maintenance"
              cancelHref={`${base}/maintenance`}
            />
          </section>
          <section aria-labelledby="post-heading" className="space-y-3">
            <h3 id="post-heading" className="text-lg font-semibold">
              Post an update
            </h3>
            <IncidentUpdateForm action={createIncidentUpdateAction.bind(null, code, page.code, m.code)} components={components} kind="maintenance" currentStatus={m.status} />
          </section>
          <section aria-labelledby="cancel-heading" className="max-w-2xl space-y-2 rounded-lg border border-amber-200 p-4 dark:border-amber-900">
            <h3 id="cancel-heading" className="text-lg font-semibold">
              Cancel this maintenance
            </h3>
            <p className="text-sm text-slate-600 dark:text-slate-400">It ends now (or never starts); the page and subscribers are told.</p>
            <ActionForm
              action={cancelMaintenanceAction.bind(null, code, page.code, m.code)}
              submitLabel="Cancel maintenance"
              pendingLabel="Cancelling…"
              variant="secondary"
              confirm="Cancel this maintenance?"
            />
          </section>
        </>
      )}
      {canEdit && (
        <section aria-labelledby="delete-heading" className="max-w-2xl space-y-2 rounded-lg border border-red-200 p-4 dark:border-red-900">
          <h3 id="delete-heading" className="text-lg font-semibold">
            Delete this maintenance
          </h3>
          <p className="text-sm text-slate-600 dark:text-slate-400">It disappears from the page and its history.</p>
          <ActionForm
            action={deleteIncidentAction.bind(null, code, page.code, m.code, "maintenance")}
            submitLabel="Delete maintenance"
            pendingLabel="Deleting…"
            variant="danger"
            confirm="Delete this maintenance for good?"
          />
        </section>
      )}
    </div>
  );
}
