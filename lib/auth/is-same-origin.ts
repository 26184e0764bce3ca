/**
 * Whether a browser request came from a page of this site: its Origin header (sent with every
 * cross-site POST) names the host the request was sent to. Requests without Origin pass.
 * The same test Next.js applies to server actions.
 */
export function isSameOrigin(headers: { get(name: string): string | null }): boolean {
  const origin = headers.get("origin");
  if (!origin) return true;
  if (!URL.canParse(origin)) return false;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return new URL(origin).host === host;
}
