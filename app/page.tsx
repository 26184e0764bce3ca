import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { LAST_PROJECT_COOKIE } from "@/components/shell/current-project";
import { getCurrentUser } from "@/lib/auth/session";
import { listUserProjects } from "@/lib/projects/queries";

/** Signed in: the last visited (else the first) project's checks; no project: /projects. Else sign in. */
export default async function HomePage() {
  const user = await getCurrentUser();
  if (!user) redirect("/accounts/login");
  const [projects, cookieStore] = await Promise.all([listUserProjects(user.id), cookies()]);
  const last = cookieStore.get(LAST_PROJECT_COOKIE)?.value;
  const project = projects.find((p) => p.code === last) ?? projects[0];
  redirect(project ? `/projects/${project.code}/checks` : "/projects");
}
