/**
 * `next` if it is a path on this site ("/projects/..."), else null: sign-in redirects must
 * never lead to another origin ("//evil.example", "/\\evil.example", "https://...").
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  if (/[\u0000-\u001f]/.test(next)) return null;
  return next;
}
