import Link from "next/link";
import type { ReactNode } from "react";

/** Sign-in, sign-up and link pages: one narrow card, centred, without the app's navigation. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-screen justify-center bg-slate-50 px-4 py-10 sm:items-center dark:bg-slate-950">
      <div className="w-full max-w-sm">
        <Link href="/" className="mx-auto mb-6 flex w-fit items-center gap-2 rounded-md text-lg font-semibold">
          <svg viewBox="0 0 24 24" className="h-7 w-7 text-sky-600" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
            <circle cx="12" cy="12" r="9" />
            <path d="M7 12h2.5l1.5-3 2 6 1.5-3H17" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          Vigil
        </Link>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">{children}</div>
      </div>
    </main>
  );
}
