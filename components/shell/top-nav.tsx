"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { SignOutButton as AuthSignOutButton } from "@/components/auth/sign-out-button";
import type { ProjectRole } from "@/lib/auth/permissions";
import { getSection, LAST_PROJECT_COOKIE, parseShellPath } from "./current-project";
import { useDisclosure } from "./use-disclosure";

export interface ShellProject {
  code: string;
  name: string;
  role: ProjectRole;
}

interface TopNavProps {
  projects: ShellProject[];
  /** The project to show when the page is not about one: the last visited, else the first. */
  defaultCode: string | null;
  /** `isAdmin`: an instance administrator (ADMIN_EMAILS), who is shown the Agents page. */
  user: { email: string; name: string; isAdmin?: boolean };
  /** Server action: the project of a check the user can read, for /checks/<uuid>/... pages. */
  findCheckProject: (checkCode: string) => Promise<string | null>;
}

const SECTIONS = [
  { key: "checks", label: "Checks" },
  { key: "integrations", label: "Integrations" },
  { key: "status-pages", label: "Status pages" },
  { key: "badges", label: "Badges" },
  { key: "settings", label: "Settings" },
] as const;

const ROLE_LABEL: Record<ProjectRole, string> = { owner: "Owner", manager: "Manager", member: "Member", readonly: "Read-only" };

function projectLabel(p: ShellProject): string {
  return p.name || "Unnamed project";
}

export function TopNav({ projects, defaultCode, user, findCheckProject }: TopNavProps) {
  const pathname = usePathname();
  const { projectCode, checkCode } = parseShellPath(pathname);
  const section = getSection(pathname);
  const [checkProject, setCheckProject] = useState<{ check: string; project: string | null } | null>(null);

  useEffect(() => {
    if (!checkCode) return;
    let cancelled = false;
    findCheckProject(checkCode).then(
      (project) => !cancelled && setCheckProject({ check: checkCode, project }),
      // A failed lookup only costs the highlight; the page itself reports real errors.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [checkCode, findCheckProject]);

  const isMine = (code: string | null | undefined) => (code && projects.some((p) => p.code === code) ? code : null);

  // The project this page is about, from its URL or its check.
  const pageCode = isMine(projectCode) ?? (checkCode && checkProject?.check === checkCode ? isMine(checkProject.project) : null);
  useEffect(() => {
    if (pageCode) document.cookie = `${LAST_PROJECT_COOKIE}=${pageCode}; path=/; max-age=31536000; samesite=lax`;
  }, [pageCode]);

  const currentCode = pageCode ?? isMine(defaultCode) ?? projects[0]?.code ?? null;
  const current = projects.find((p) => p.code === currentCode) ?? null;
  // A section is "current" only while the page is about the project the links point to.
  const activeSection = (projectCode ? projectCode === currentCode : checkCode !== null) ? section : null;

  const menu = useDisclosure<HTMLButtonElement, HTMLDivElement>(pathname);

  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow dark:focus:bg-slate-800"
      >
        Skip to content
      </a>
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4">
        <Link href="/" className="mr-1 flex shrink-0 items-center gap-2 rounded-md font-semibold">
          <Logo />
          <span className="hidden sm:inline">Vigil</span>
        </Link>
        <ProjectSwitcher projects={projects} current={current} section={section} pathname={pathname} />
        {current && <ProjectNav code={current.code} activeSection={activeSection} className="hidden md:block" />}
        <div className="ml-auto hidden md:block">
          <AccountMenu user={user} pathname={pathname} />
        </div>
        <button
          ref={menu.buttonRef}
          type="button"
          className="ml-auto rounded-md p-2 text-slate-700 hover:bg-slate-100 md:hidden dark:text-slate-300 dark:hover:bg-slate-800"
          aria-expanded={menu.open}
          aria-controls="mobile-menu"
          onClick={menu.toggle}
        >
          <span className="sr-only">{menu.open ? "Close menu" : "Open menu"}</span>
          <MenuIcon open={menu.open} />
        </button>
      </div>
      {menu.open && (
        <div ref={menu.panelRef} id="mobile-menu" className="border-t border-slate-200 px-4 py-3 md:hidden dark:border-slate-800">
          {current && <ProjectNav code={current.code} activeSection={activeSection} block />}
          <div className="mt-3 border-t border-slate-200 pt-3 dark:border-slate-800">
            <p className="truncate px-3 pb-2 text-sm text-slate-500 dark:text-slate-400">{user.name || user.email}</p>
            <ul className="space-y-1">
              <li>
                <NavLink href="/projects" active={pathname === "/projects"} block>
                  All projects
                </NavLink>
              </li>
              <li>
                <NavLink href="/accounts/profile" active={pathname.startsWith("/accounts/profile")} block>
                  Account settings
                </NavLink>
              </li>
              {user.isAdmin && (
                <li>
                  <NavLink href="/agents" active={pathname.startsWith("/agents")} block>
                    Agents
                  </NavLink>
                </li>
              )}
              <li>
                <SignOutButton block />
              </li>
            </ul>
          </div>
        </div>
      )}
    </header>
  );
}

/** The project's section links: a row in the bar, or (`block`) a list in the mobile menu. */
function ProjectNav({
  code,
  activeSection,
  block = false,
  className,
}: {
  code: string;
  activeSection: ReturnType<typeof getSection>;
  block?: boolean;
  className?: string;
}) {
  return (
    <nav aria-label="Project" className={className}>
      <ul className={block ? "space-y-1" : "flex items-center gap-1"}>
        {SECTIONS.map((s) => (
          <li key={s.key}>
            <NavLink href={`/projects/${code}/${s.key}`} active={activeSection === s.key} block={block}>
              {s.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function NavLink({ href, active, block = false, children }: { href: string; active: boolean; block?: boolean; children: ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`${block ? "block" : "inline-block"} rounded-md px-3 py-2 text-sm font-medium ${
        active
          ? "bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-white"
          : "text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
      }`}
    >
      {children}
    </Link>
  );
}

function ProjectSwitcher({
  projects,
  current,
  section,
  pathname,
}: {
  projects: ShellProject[];
  current: ShellProject | null;
  section: ReturnType<typeof getSection>;
  pathname: string;
}) {
  const d = useDisclosure<HTMLButtonElement, HTMLDivElement>(pathname);
  // Switching keeps the section (a check's pages map to the checks list).
  const target = section ?? "checks";
  return (
    <div className="relative min-w-0">
      <button
        ref={d.buttonRef}
        type="button"
        aria-expanded={d.open}
        aria-controls="project-switcher"
        onClick={d.toggle}
        className="flex min-w-0 max-w-[12rem] items-center gap-1 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 sm:max-w-xs dark:border-slate-700 dark:hover:bg-slate-800"
      >
        <span className="sr-only">Project: </span>
        <span className="truncate">{current ? projectLabel(current) : "Projects"}</span>
        <ChevronIcon />
      </button>
      {d.open && (
        <div
          ref={d.panelRef}
          id="project-switcher"
          className="absolute left-0 z-40 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <p className="px-3 py-1 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400" id="project-switcher-heading">
            Projects
          </p>
          <ul aria-labelledby="project-switcher-heading" className="max-h-80 overflow-y-auto">
            {projects.map((p) => {
              const isCurrent = p.code === current?.code;
              return (
                <li key={p.code}>
                  <Link
                    href={`/projects/${p.code}/${target}`}
                    aria-current={isCurrent ? "true" : undefined}
                    className={`flex items-center gap-2 px-3 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800 ${
                      isCurrent ? "font-semibold text-sky-700 dark:text-sky-400" : ""
                    }`}
                  >
                    <span className="w-4 shrink-0" aria-hidden="true">
                      {isCurrent ? "✓" : ""}
                    </span>
                    <span className="min-w-0 flex-1 truncate">{projectLabel(p)}</span>
                    {p.role !== "owner" && <span className="shrink-0 text-xs text-slate-500 dark:text-slate-400">{ROLE_LABEL[p.role]}</span>}
                  </Link>
                </li>
              );
            })}
          </ul>
          <div className="mt-1 border-t border-slate-200 pt-1 dark:border-slate-700">
            <Link href="/projects" className="block px-3 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
              All projects…
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}

function AccountMenu({ user, pathname }: { user: { email: string; name: string; isAdmin?: boolean }; pathname: string }) {
  const d = useDisclosure<HTMLButtonElement, HTMLDivElement>(pathname);
  return (
    <div className="relative">
      <button
        ref={d.buttonRef}
        type="button"
        aria-expanded={d.open}
        aria-controls="account-menu"
        onClick={d.toggle}
        className="flex max-w-[16rem] items-center gap-1 rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        <span className="sr-only">Account: </span>
        <span className="truncate">{user.name || user.email}</span>
        <ChevronIcon />
      </button>
      {d.open && (
        <div
          ref={d.panelRef}
          id="account-menu"
          className="absolute right-0 z-40 mt-1 w-56 rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <ul>
            <li>
              <Link href="/accounts/profile" className="block px-3 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
                Account settings
              </Link>
            </li>
            <li>
              <Link href="/projects" className="block px-3 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
                All projects
              </Link>
            </li>
            {user.isAdmin && (
              <li>
                <Link href="/agents" className="block px-3 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
                  Agents
                </Link>
              </li>
            )}
            <li className="mt-1 border-t border-slate-200 pt-1 dark:border-slate-700">
              <SignOutButton />
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}

/** The auth engineer's sign-out (CSRF-protected POST, then the "signed out" page), styled for the menus. */
function SignOutButton({ block = false }: { block?: boolean }) {
  return (
    <AuthSignOutButton
      className={`w-full text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800 ${
        block ? "rounded-md px-3 py-2 font-medium text-slate-600 dark:text-slate-300" : "px-3 py-2"
      }`}
    />
  );
}

function Logo() {
  return (
    <svg viewBox="0 0 24 24" className="h-6 w-6 text-sky-600" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <circle cx="12" cy="12" r="9" />
      <path d="M7 12h2.5l1.5-3 2 6 1.5-3H17" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function ChevronIcon() {
  return (
    <svg viewBox="0 0 20 20" className="h-4 w-4 shrink-0" fill="currentColor" aria-hidden="true">
      <path fillRule="evenodd" d="M5.23 7.21a.75.75 0 011.06.02L10 11.17l3.71-3.94a.75.75 0 111.08 1.04l-4.25 4.5a.75.75 0 01-1.08 0l-4.25-4.5a.75.75 0 01.02-1.06z" clipRule="evenodd" />
    </svg>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
      {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
    </svg>
  );
}
