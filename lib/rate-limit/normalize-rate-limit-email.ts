/**
 * The form of an address that rate limits count by: lowercased, dots and "+alias" removed from
 * the mailbox (Healthchecks does the same), so a.l.i.c.e+1@ and alice+2@ share alice@'s budget.
 */
export function normalizeRateLimitEmail(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf("@");
  if (at === -1) return lower;
  const mailbox = lower.slice(0, at).split("+")[0].replaceAll(".", "");
  return `${mailbox}@${lower.slice(at + 1)}`;
}
