import Link from "next/link";
import { toneClass, updateStatusLabel, updateStatusTone } from "@/components/status-pages/labels";
import type { IncidentView } from "@/components/status-pages/view";
import { buttonClass } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import { isMaintenanceInProgress } from "@/lib/status-pages/maintenance-windows";
import { listIncidentViews, loadStatusPage } from "../../load";

export const metadata = { title: "Maintenance" };

/** Where a window stands now, by the rule that holds alerts: running, over, or still to come. */
function phase(m: IncidentView, now: Date): "upcoming" | "in_progress" | "completed" {
  if (isMaintenanceInProgress(m, now)) return "in_progress";
  if (m.resolvedAt || (m.scheduledUntil && m.scheduledUntil.getTime() <= now.getTime())) return "completed";
  return "upcoming";
}

export default async function MaintenancePage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string; page: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code, page: pageCode } = await params;
  const query = await searchParams;
  const base = `/projects/${code}/status-pages/${pageCode}`;
  const { actor, page, canEdit } = await loadStatusPage(code, pageCode, `${base}/maintenance`);
  const windows = await listIncidentViews(actor, page.code, "maintenance");
  const now = new Date();
  const by = (p: ReturnType<typeof phase>) => windows.filter((m) => phase(m, now) === p);
  const notice = query.saved ? "Maintenance saved." : query.cancelled ? "Maintenance cancelled." : query.deleted ? "Maintenance deleted." : null;

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold">Scheduled maintenance</h2>
        {canEdit && (
          <Link href={`${base}/maintenance/new`} className={buttonClass("primary")}>
            Schedule maintenance
          </Link>
        )}
      </div>
      {notice && (
        <p role="status" className="text-sm text-green-700 dark:text-green-400">
          {notice}
        </p>
      )}
      <p className="text-sm text-slate-600 dark:text-slate-400">Times are in {page.timeZone}, the page&apos;s time zone.</p>
      <WindowList title="In progress" windows={by("in_progress")} base={base} timeZone={page.timeZone} />
      <WindowList title="Upcoming" windows={by("upcoming")} base={base} timeZone={page.timeZone} />
      <WindowList title="Completed" windows={by("completed")} base={base} timeZone={page.timeZone} />
    </div>
  );
}

function WindowList({ title, windows, base, timeZone }: { title: string; windows: IncidentView[]; base: string; timeZone: string }) {
  const id = `maintenance-${title.toLowerCase().replace(/\s+/g, "-")}`;
  const at = (d: Date | null) => (d ? formatDateTime(d, timeZone, { seconds: false }) : "—");
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h3 id={id} className="text-lg font-semibold">
        {title} <span className="text-sm font-normal text-slate-500">({windows.length})</span>
      </h3>
      {windows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">None.</p>
      ) : (
        <ul className="grid gap-2" role="list">
          {windows.map((m) => (
            <li key={m.code} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <Link href={`${base}/maintenance/${m.code}`} className="font-medium hover:underline">
                    {m.name}
                  </Link>
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    {at(m.scheduledFor)} → {at(m.scheduledUntil)}
                  </p>
                  {m.components.length > 0 && <p className="text-xs text-slate-600 dark:text-slate-400">{m.components.map((c) => c.name).join(", ")}</p>}
                </div>
                <span className={toneClass(updateStatusTone(m.status))}>{updateStatusLabel(m.status)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
