import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SecondFactorForm } from "@/components/auth/second-factor-form";
import { safeNextPath } from "@/lib/auth/request-trust";
import { getCallbackUrlCookieName } from "@/lib/auth/session";

// The URL carries a pending sign-in token: keep it out of Referer headers.
export const metadata = { title: "Two-factor authentication", referrer: "no-referrer" };

/**
 * Where a sign-in link leads for accounts with two-factor authentication. The page to open
 * afterwards is the callback URL next-auth remembered in its cookie when the link was used.
 */
export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  if (typeof token !== "string" || !token) redirect("/accounts/login");
  const remembered = (await cookies()).get(getCallbackUrlCookieName())?.value;
  let next = "/";
  if (remembered && URL.canParse(remembered)) {
    const url = new URL(remembered);
    next = safeNextPath(url.pathname + url.search) ?? "/";
  }
  return <SecondFactorForm token={token} next={next} />;
}
