import Link from "next/link";
import type { ReactNode } from "react";
import { getEnv } from "@/lib/env";

/** Public pages opened from notification emails (confirm, unsubscribe): no sign-in, no app shell. */
export default function PublicIntegrationLayout({ children }: { children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <p className="mb-6 text-center text-lg font-semibold">
        <Link href="/" className="hover:underline">
          {getEnv().siteName}
        </Link>
      </p>
      <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        {children}
      </div>
    </main>
  );
}
