import Link from "next/link";
import { ActionForm } from "@/components/projects/action-form";
import { ProjectStatusSummary } from "@/components/projects/project-status-summary";
import { ROLE_LABEL } from "@/components/projects/role-label";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { requireUser } from "@/lib/auth/session";
import { listProjectSummaries } from "@/lib/projects/queries";
import { createProjectAction } from "./actions";

export const metadata = { title: "Projects" };

export default async function ProjectsPage() {
  const user = await requireUser("/projects");
  const projects = await listProjectSummaries(user.id);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Projects</h1>
      {projects.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">You have no projects yet. Create one below.</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Your projects">
          {projects.map((p) => (
            <li key={p.code}>
              <article className="flex h-full flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
                <h2 className="truncate text-base font-semibold">
                  <Link href={`/projects/${p.code}/checks`} className="rounded hover:underline">
                    {p.name || "Unnamed project"}
                  </Link>
                </h2>
                <p className="text-xs text-slate-500 dark:text-slate-400">{ROLE_LABEL[p.role]}</p>
                <div className="mt-3 flex-1">
                  <ProjectStatusSummary summary={p} />
                </div>
                <div className="mt-3 flex gap-3 text-sm">
                  <Link href={`/projects/${p.code}/checks`} className="text-sky-700 hover:underline dark:text-sky-400">
                    Checks
                  </Link>
                  <Link href={`/projects/${p.code}/integrations`} className="text-sky-700 hover:underline dark:text-sky-400">
                    Integrations
                  </Link>
                  <Link href={`/projects/${p.code}/settings`} className="text-sky-700 hover:underline dark:text-sky-400">
                    Settings
                  </Link>
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
      <Card title="Create project">
        <ActionForm action={createProjectAction} submitLabel="Create project" pendingLabel="Creating…">
          <div className="min-w-0 flex-1 basis-64">
            <Field label="Project name" htmlFor="new-project-name">
              <Input id="new-project-name" name="name" required maxLength={200} />
            </Field>
          </div>
        </ActionForm>
      </Card>
    </div>
  );
}
