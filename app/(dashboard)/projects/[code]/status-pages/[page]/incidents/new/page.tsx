import { notFound } from "next/navigation";
import { NewIncidentForm } from "@/components/status-pages/incident-forms";
import { createIncidentAction } from "../../../actions";
import { loadStatusPage } from "../../../load";

export const metadata = { title: "New incident" };

export default async function NewIncidentPage({ params }: { params: Promise<{ code: string; page: string }> }) {
  const { code, page: pageCode } = await params;
  const base = `/projects/${code}/status-pages/${pageCode}`;
  const { page, canEdit } = await loadStatusPage(code, pageCode, `${base}/incidents/new`);
  if (!canEdit) notFound();
  return (
    <div className="space-y-4">
      <h2 className="text-xl font-semibold">New incident</h2>
      <p className="max-w-2xl text-sm text-slate-600 dark:text-slate-400">
        It shows at the top of the page at once, and confirmed subscribers are told.
      </p>
      <NewIncidentForm
        action={createIncidentAction.bind(null, code, page.code)}
        components={page.components.map((c) => ({ check: c.check, name: c.name, group: c.group }))}
        cancelHref={`${base}/incidents`}
      />
    </div>
  );
}
