import Link from "next/link";
import type { ReactNode } from "react";
import { loadStatusPage } from "../load";
import { PageTabs } from "@/components/status-pages/page-tabs";

/** Every screen of one status page: its title, its public address and the section tabs. */
export default async function StatusPageLayout({ params, children }: { params: Promise<{ code: string; page: string }>; children: ReactNode }) {
  const { code, page: pageCode } = await params;
  const { page } = await loadStatusPage(code, pageCode, `/projects/${code}/status-pages/${pageCode}`);
  const base = `/projects/${code}/status-pages/${page.code}`;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/projects/${code}/status-pages`} className="text-sky-700 hover:underline dark:text-sky-400">
          ← Status pages
        </Link>
      </nav>
      <header className="space-y-1">
        <p className="text-sm text-slate-600 dark:text-slate-400">Status page</p>
        <h1 className="text-2xl font-semibold">{page.title}</h1>
        <p className="break-all text-sm">
          <a href={page.url} className="text-sky-700 hover:underline dark:text-sky-400" target="_blank" rel="noreferrer">
            {page.url}
            <span className="sr-only"> (public page, opens in a new tab)</span>
          </a>
        </p>
      </header>
      <PageTabs base={base} />
      {children}
    </div>
  );
}
