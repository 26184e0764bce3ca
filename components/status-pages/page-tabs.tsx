"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type PageTab = "settings" | "incidents" | "maintenance" | "subscribers";

const TABS: { key: PageTab; label: string; path: string }[] = [
  { key: "settings", label: "Settings", path: "" },
  { key: "incidents", label: "Incidents", path: "/incidents" },
  { key: "maintenance", label: "Maintenance", path: "/maintenance" },
  { key: "subscribers", label: "Subscribers", path: "/subscribers" },
];

/** The sections of one status page's screens; scrolls sideways on a phone rather than wrapping. */
export function PageTabs({ base }: { base: string }) {
  const pathname = usePathname();
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : null;
  const current = rest === null ? null : (TABS.find((t) => t.path && rest.startsWith(t.path))?.key ?? (rest === "" || rest === "/" ? "settings" : null));
  return (
    <nav aria-label="Status page" className="-mx-1 overflow-x-auto border-b border-slate-200 dark:border-slate-800">
      <ul className="flex gap-1 px-1">
        {TABS.map((t) => (
          <li key={t.key}>
            <Link
              href={`${base}${t.path}`}
              aria-current={current === t.key ? "page" : undefined}
              className={`inline-block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
                current === t.key
                  ? "border-sky-600 text-slate-900 dark:border-sky-400 dark:text-white"
                  : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"
              }`}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
