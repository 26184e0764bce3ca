import { loadProject } from "../load-project";
import { BadgeList } from "./badge-list";
import { listProjectBadges } from "@/lib/badges/list-project-badges";
import { getEnv } from "@/lib/env";

export const metadata = { title: "Status badges" };

/** Healthchecks' badges page: every member, read-only ones too, may see and copy the badges. */
export default async function BadgesPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const { project } = await loadProject(code, `/projects/${code}/badges`);
  const badges = await listProjectBadges(project.id);

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Status badges</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          {getEnv().siteName} provides status badges for all checks of {project.name ? <>“{project.name}”</> : "this project"}, for each
          tag and for each check. Their URLs are public but hard to guess: put them in READMEs, dashboards or status pages. A badge shows
          its label and status and nothing else; its URL does not reveal ping URLs.
        </p>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          A badge is <strong>up</strong> when all its checks are up (new, paused and{" "}
          <strong className="text-amber-700 dark:text-amber-400">degraded</strong> checks count as up) and <strong>down</strong> when at least
          one is down. Three-state badges also show <strong>late</strong> when a check is in its grace time.
        </p>
      </header>
      <BadgeList all={badges.all} tags={badges.tags} tagsTruncated={badges.tagsTruncated} checks={badges.checks} />
    </div>
  );
}
