// Which check an RCPT TO address names, per Healthchecks' smtpd (handle_RCPT + _process_message).

// Version-4 UUID, hex in any case. Healthchecks' class `[8|9|aA|bB]` also admits a literal "|",
// which no check code can contain, so it is left out here.
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
// `<ping_key>+<slug>` (Healthchecks v3.11+): a 22-character ping key, then a lowercase slug.
const PING_KEY_SLUG_RE = /^([a-zA-Z0-9_-]{22})\+([a-z0-9_-]+)$/;

export type Recipient = { code: string } | { pingKey: string; slug: string } | { error: "domain" | "mailbox" };

/**
 * Maps `<uuid>@domain` to `{ code }` (lowercased, as check codes are stored) and
 * `<ping_key>+<slug>@domain` to `{ pingKey, slug }` (both as given: ping keys are matched
 * exactly, like Healthchecks' `project__ping_key=` lookup). Anything else is
 * `{ error: "domain" }` (550 Recipient rejected) or `{ error: "mailbox" }` (550 Invalid mailbox).
 *
 * The domain is compared case-insensitively, unlike Healthchecks' exact `==`: domains are
 * case-insensitive (RFC 5321 §2.4) and some MTAs uppercase them on the way.
 */
export function parseRecipient(address: string, domain: string): Recipient {
  // The last "@" separates the domain; a quoted local part may itself contain "@".
  const at = address.lastIndexOf("@");
  if (at < 0 || address.slice(at + 1).toLowerCase() !== domain.toLowerCase()) return { error: "domain" };
  const mailbox = address.slice(0, at);
  if (UUID_RE.test(mailbox)) return { code: mailbox.toLowerCase() };
  const m = PING_KEY_SLUG_RE.exec(mailbox);
  if (m) return { pingKey: m[1], slug: m[2] };
  return { error: "mailbox" };
}
