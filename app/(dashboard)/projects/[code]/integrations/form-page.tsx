import Link from "next/link";
import type { ReactNode } from "react";
import { KindIcon } from "@/components/integrations/kind-icon";
import type { KindIconName } from "@/lib/integrations/descriptor";

/** Heading, back link and intro shared by the add/edit forms. */
export function FormPage({
  projectCode,
  icon,
  title,
  intro,
  children,
}: {
  projectCode: string;
  icon: KindIconName;
  title: string;
  intro: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/projects/${projectCode}/integrations`} className="text-sky-700 hover:underline dark:text-sky-400">
          ← Integrations
        </Link>
      </nav>
      <header className="flex items-start gap-3">
        <span className="rounded-md bg-sky-50 p-2 text-sky-700 dark:bg-sky-950 dark:text-sky-300">
          <KindIcon icon={icon} className="h-6 w-6" />
        </span>
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">{title}</h1>
          <div className="max-w-2xl text-sm text-slate-600 dark:text-slate-400">{intro}</div>
        </div>
      </header>
      {children}
    </div>
  );
}
