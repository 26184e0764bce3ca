import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { findLoginLink } from "@/lib/auth/login-links";
import { safeNextPath } from "@/lib/auth/request-trust";
import { getEnv } from "@/lib/env";

// The URL is a sign-in link: keep it out of Referer headers sent to other sites. Not
// "no-referrer": browsers then send `Origin: null` with the "Sign in" POST, which the
// cross-site check on /api/auth must refuse.
export const metadata = { title: "Sign in", referrer: "same-origin" };

/**
 * The page a sign-in link opens. Opening it uses nothing up: the "Sign in" button POSTs the
 * token to next-auth's email callback, so mail scanners that fetch links cannot spend them.
 */
export default async function CheckTokenPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const [{ token }, { next: rawNext }] = await Promise.all([params, searchParams]);
  const next = safeNextPath(typeof rawNext === "string" ? rawNext : null) ?? "/";
  const link = await findLoginLink(token);
  const { siteName } = getEnv();

  if (!link) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">This link has expired</h1>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Sign-in links work once, for one hour. This one was already used or is too old.
        </p>
        <Link href={`/accounts/login?${new URLSearchParams({ next })}`} className={buttonClass("primary", "w-full")}>
          Get a new link
        </Link>
      </div>
    );
  }

  return (
    <form method="post" action={`/api/auth/callback/email?${new URLSearchParams({ token })}`} className="space-y-4">
      <input type="hidden" name="callbackUrl" value={next} />
      <h1 className="text-xl font-semibold">Sign in to {siteName}</h1>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        You are signing in as <strong className="break-all">{link.email}</strong>.
      </p>
      <button type="submit" className={buttonClass("primary", "w-full")}>
        Sign in
      </button>
    </form>
  );
}
