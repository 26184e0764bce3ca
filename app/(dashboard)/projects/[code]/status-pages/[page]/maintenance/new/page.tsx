import { notFound } from "next/navigation";
import { MaintenanceForm } from "@/components/status-pages/incident-forms";
import { saveMaintenanceAction } from "../../../actions";
import { toLocalTimeValue } from "../../../form-input";
import { loadStatusPage } from "../../../load";

export const metadata = { title: "Schedule maintenance" };

const HOUR = 3_600_000;

export default async function NewMaintenancePage({ params }: { params: Promise<{ code: string; page: string }> }) {
  const { code, page: pageCode } = await params;
  const base = `/projects/${code}/status-pages/${pageCode}`;
  const { page, canEdit } = await loadStatusPage(code, pageCode, `${base}/maintenance/new`);
  if (!canEdit) notFound();
  // A suggestion: the next whole hour, for an hour.
  const start = new Date(Math.ceil(Date.now() / HOUR) * HOUR);
  return (
    <div className="space-y-4">
      <h2 className="text-xl font-semibold">Schedule maintenance</h2>
      <MaintenanceForm
        action={saveMaintenanceAction.bind(null, code, page.code, null)}
        components={page.components.map((c) => ({ check: c.check, name: c.name, group: c.group }))}
        initial={{
          scheduled_for: toLocalTimeValue(start, page.timeZone),
          scheduled_until: toLocalTimeValue(new Date(start.getTime() + HOUR), page.timeZone),
        }}
        timeZone={page.timeZone}
        submitLabel="Schedule maintenance"
        cancelHref={`${base}/maintenance`}
      />
    </div>
  );
}
