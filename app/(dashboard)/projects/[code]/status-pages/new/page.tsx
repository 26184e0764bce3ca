import Link from "next/link";
import { notFound } from "next/navigation";
import { loadProject } from "../../load-project";
import { savePageAction } from "../actions";
import { listProjectCheckNames, publicUrlBase, timeZoneNames } from "../load";
import { PageEditor } from "@/components/status-pages/page-editor";
import { can } from "@/lib/auth/permissions";

export const metadata = { title: "New status page" };

export default async function NewStatusPagePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const { user, actor, project, role } = await loadProject(code, `/projects/${code}/status-pages/new`);
  // The verbs refuse others anyway; this keeps them from a form they cannot submit.
  if (!can(role, "manage")) notFound();
  const checks = await listProjectCheckNames(actor, code);

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/projects/${code}/status-pages`} className="text-sky-700 hover:underline dark:text-sky-400">
          ← Status pages
        </Link>
      </nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">New status page</h1>
        <p className="max-w-2xl text-sm text-slate-600 dark:text-slate-400">
          Pick the checks of {project.name ? <>“{project.name}”</> : "this project"} to show, name them for visitors and group them.
        </p>
      </header>
      <PageEditor
        action={savePageAction.bind(null, code, null)}
        initial={{
          slug: "",
          title: project.name || "",
          description: "",
          logo_url: "",
          theme: "system",
          time_zone: user.tz || "UTC",
          custom_domain: "",
          access: "public",
          auto_incidents: false,
          components: [],
        }}
        checks={checks}
        timeZones={timeZoneNames()}
        hasPassword={false}
        publicUrlBase={publicUrlBase()}
        submitLabel="Create status page"
      />
    </div>
  );
}
