import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { LAST_PROJECT_COOKIE } from "@/components/shell/current-project";
import { TopNav } from "@/components/shell/top-nav";
import { getCurrentUser, requireActor } from "@/lib/auth/session";
import { isInstanceAdmin } from "@/lib/env";
import { findProjectCodeOfCheck, listUserProjects } from "@/lib/projects/queries";

/** The project a check belongs to, if the signed-in user can read it (for the shell's highlight). */
async function findCheckProject(checkCode: string): Promise<string | null> {
  "use server";
  if (typeof checkCode !== "string") return null;
  return findProjectCodeOfCheck({ actor: await requireActor(), checkCode });
}

/**
 * The signed-in shell: top navigation with the project switcher, and the user's theme applied
 * before first paint (the root layout only knows "system").
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  // Signed out: every page here calls requireUser(its path) before showing anything, and
  // redirects to the sign-in page with ?next=<that path>. The layout cannot know the path, so
  // redirecting here would lose where to come back to.
  if (!user) return children;
  const [projects, cookieStore] = await Promise.all([listUserProjects(user.id), cookies()]);
  const last = cookieStore.get(LAST_PROJECT_COOKIE)?.value;
  const defaultCode = projects.find((p) => p.code === last)?.code ?? projects[0]?.code ?? null;
  const theme = ["light", "dark", "system"].includes(user.theme) ? user.theme : "system";

  return (
    <>
      <script
        // Runs during parsing, before the page below paints; the root ThemeScript's
        // prefers-color-scheme listener reads data-theme, so it keeps following this choice.
        dangerouslySetInnerHTML={{
          __html: `(()=>{const r=document.documentElement,t=${JSON.stringify(theme)};r.dataset.theme=t;r.classList.toggle("dark",t==="dark"||(t==="system"&&matchMedia("(prefers-color-scheme: dark)").matches));})();`,
        }}
      />
      <TopNav
        projects={projects}
        defaultCode={defaultCode}
        user={{ email: user.email, name: user.name, isAdmin: isInstanceAdmin(user.email) }}
        findCheckProject={findCheckProject}
      />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none">
        {children}
      </main>
    </>
  );
}
