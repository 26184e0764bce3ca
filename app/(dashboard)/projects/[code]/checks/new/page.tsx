import Link from "next/link";
import { ActionButton } from "@/components/checks/action-button";
import { ProbeForm } from "@/components/probes/probe-form";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { PROBE_TYPE_DESCRIPTORS } from "@/lib/probes/registry";
import { getProbeFormFields, isProbeType } from "../../../../probe-form-data";
import { addCheck, createProbeCheck, testProbe } from "../actions";
import { loadProject } from "../../load-project";

export const metadata = { title: "Add check" };

/**
 * "Add check" asks what to watch: a cron job or heartbeat (a passive check that waits for pings,
 * made at once as before) or a website or service (an active check: pick a probe type, fill in
 * its form, test it, save).
 */
export default async function AddCheckPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code } = await params;
  const query = await searchParams;
  const { project, role } = await loadProject(code, `/projects/${code}/checks/new`);
  const checksHref = `/projects/${project.code}/checks`;
  if (!can(role, "write")) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Add check</h1>
        <p className="text-sm">You have read-only access to this project, so you cannot add checks here.</p>
        <Link href={checksHref} className="text-sky-700 hover:underline dark:text-sky-400">
          ← Back to the checks
        </Link>
      </div>
    );
  }
  const type = isProbeType(query.type) ? query.type : null;
  const descriptors = Object.values(PROBE_TYPE_DESCRIPTORS);

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={checksHref} className="text-sky-700 hover:underline dark:text-sky-400">
          ← {project.name || "Project"}: all checks
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold">Add check</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">What do you want to watch?</p>
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <section aria-labelledby="cron-heading" className="space-y-3">
            <h2 id="cron-heading" className="text-lg font-semibold">
              A cron job or heartbeat
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Your job requests the check&apos;s ping URL every time it runs; when a ping does not arrive on time, the check goes down.
            </p>
            <ActionButton action={addCheck.bind(null, project.code)} label="Add cron job check" pendingLabel="Adding…" variant="primary" />
          </section>
        </Card>
        <Card>
          <section aria-labelledby="probe-heading" className="space-y-3">
            <h2 id="probe-heading" className="text-lg font-semibold">
              A website or service
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">Vigil connects to it on a schedule and times each phase of the answer.</p>
            <ul className="space-y-1 text-sm">
              {descriptors.map((d) => (
                <li key={d.type}>
                  <Link
                    href={`/projects/${project.code}/checks/new?type=${d.type}`}
                    aria-current={type === d.type ? "page" : undefined}
                    className={`text-sky-700 hover:underline dark:text-sky-400 ${type === d.type ? "font-semibold" : ""}`}
                  >
                    {d.label}
                  </Link>
                  <span className="text-slate-600 dark:text-slate-400">: {d.description}</span>
                </li>
              ))}
            </ul>
          </section>
        </Card>
      </div>
      {type && (
        <section aria-labelledby="probe-form-heading" className="space-y-4">
          <h2 id="probe-form-heading" className="text-lg font-semibold">
            New {PROBE_TYPE_DESCRIPTORS[type].label} check
          </h2>
          <ProbeForm
            key={type}
            type={type}
            fields={getProbeFormFields(type)}
            initial={{ ...PROBE_TYPE_DESCRIPTORS[type].form.defaults }}
            saveAction={createProbeCheck.bind(null, project.code)}
            testAction={testProbe.bind(null, project.code)}
            submitLabel="Save check"
            withName
          />
        </section>
      )}
    </div>
  );
}
