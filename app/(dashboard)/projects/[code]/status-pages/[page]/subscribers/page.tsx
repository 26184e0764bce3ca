import { ActionForm } from "@/components/projects/action-form";
import { toneClass } from "@/components/status-pages/labels";
import { formatDateTime } from "@/lib/format";
import { deleteSubscriberAction } from "../../actions";
import { listSubscriberViews, loadStatusPage } from "../../load";

export const metadata = { title: "Subscribers" };

export default async function SubscribersPage({ params }: { params: Promise<{ code: string; page: string }> }) {
  const { code, page: pageCode } = await params;
  const base = `/projects/${code}/status-pages/${pageCode}`;
  const { user, actor, page, canEdit } = await loadStatusPage(code, pageCode, `${base}/subscribers`);
  if (!canEdit) {
    return (
      <div className="space-y-2">
        <h2 className="text-xl font-semibold">Subscribers</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">Only the project&apos;s owners and managers see who subscribed: the addresses are the subscribers&apos; own.</p>
      </div>
    );
  }
  const subscribers = await listSubscriberViews(actor, page.code);
  const confirmed = subscribers.filter((s) => s.confirmed).length;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h2 className="text-xl font-semibold">Subscribers</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Visitors who asked to hear about incidents and maintenance: {confirmed} confirmed, {subscribers.length - confirmed} waiting for
          confirmation. Only confirmed subscribers are told.
        </p>
      </div>
      {subscribers.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Nobody has subscribed yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">Subscribers of {page.title}</caption>
            <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Kind
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Address
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  State
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Since
                </th>
                <th scope="col" className="py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {subscribers.map((s) => (
                <tr key={s.code}>
                  <td className="py-2 pr-3">{s.kind === "email" ? "E-mail" : s.kind === "webhook" ? "Webhook" : s.kind}</td>
                  <td className="break-all py-2 pr-3 font-mono text-xs">{s.target}</td>
                  <td className="py-2 pr-3">
                    <span className={toneClass(s.confirmed ? "good" : "warn")}>{s.confirmed ? "Confirmed" : "Pending"}</span>
                  </td>
                  <td className="whitespace-nowrap py-2 pr-3">{formatDateTime(s.createdAt, user.tz, { seconds: false })}</td>
                  <td className="py-2">
                    <ActionForm
                      action={deleteSubscriberAction.bind(null, code, page.code, s.code)}
                      submitLabel="Remove"
                      pendingLabel="Removing…"
                      variant="secondary"
                      confirm={`Remove ${s.target}?`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
