// Reading an incoming email the way Healthchecks' smtpd does: which check an RCPT TO address
// names (handle_RCPT + _process_message), and the subject and body text its email filters
// match keywords in (_to_text).
import { simpleParser } from "mailparser";

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
 * case-insensitive (RFC 5321, section 2.4) and some MTAs uppercase them on the way.
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

/**
 * The decoded Subject and the body text the email filters read: the text/plain part and the
 * rendered text/html part, joined by a newline (Healthchecks' `_to_text`; which of the two the
 * check reads is decided by recordPing). Rejects only if mailparser cannot read the message.
 */
export async function getEmailText(raw: Buffer): Promise<{ subject: string; text: string }> {
  const mail = await simpleParser(raw, {
    // mailparser would otherwise fill `text` from the HTML part when there is no text/plain
    // part, and `html` from the text part; the body text is built from the real parts only.
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    // Do not inline cid: images as data URIs; nobody reads them here.
    keepCidLinks: true,
  });
  const chunks = [mail.text ?? "", mail.html ? htmlToText(mail.html) : ""];
  return { subject: mail.subject ?? "", text: chunks.filter((c) => c !== "").join("\n") };
}

// A small html→text for keyword filters on HTML email bodies. Healthchecks (hc/lib/html.py)
// keeps every text node except <script>/<style> and collapses all whitespace to single spaces;
// this does the same but ends a line at block elements, so the text also reads well. Keyword
// matching is a substring test, so the only difference is for a keyword spanning two blocks.

// Elements whose boundaries end a line. Table cells are separated by a space instead.
const BLOCK_TAG_RE =
  /<\/?(?:address|article|aside|blockquote|br|caption|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|tfoot|thead|tr|ul)\b[^>]*>/gi;
const CELL_TAG_RE = /<\/?(?:td|th)\b[^>]*>/gi;
// Any other tag, allowing ">" inside quoted attribute values. Requiring a letter after "<"
// keeps text such as "a < b" intact, as browsers do.
const TAG_RE = /<\/?[a-zA-Z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/g;
// <!DOCTYPE ...>, <![CDATA[ ... ]]> markers and <?xml ...?> declarations.
const DECLARATION_RE = /<[!?][^>]*>/g;
const COMMENT_RE = /<!--[\s\S]*?(?:-->|$)/g;
// Their content is code, not text. An unclosed one runs to the end, as in HTML parsers.
const SCRIPT_STYLE_RE = /<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  copy: "©",
  reg: "®",
  trade: "™",
  hellip: "…",
  mdash: "—",
  ndash: "–",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  laquo: "«",
  raquo: "»",
  bull: "•",
  middot: "·",
  euro: "€",
  times: "×",
};

function decodeCodePoint(n: number): string {
  // NUL, surrogates and values past U+10FFFF are not characters (HTML maps them to U+FFFD).
  if (n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return "\uFFFD";
  return String.fromCodePoint(n);
}

/** Decodes numeric references and the common named entities; unknown names stay as written. */
export function decodeEntities(text: string): string {
  // One pass, so "&amp;lt;" becomes "&lt;" and not "<".
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]*));/g, (whole, dec, hex, name) => {
    if (dec !== undefined) return decodeCodePoint(Number.parseInt(dec, 10));
    if (hex !== undefined) return decodeCodePoint(Number.parseInt(hex, 16));
    return NAMED_ENTITIES[name as string] ?? whole;
  });
}

/**
 * The visible text of an HTML document: no tags, comments, scripts or styles; entities
 * decoded; whitespace collapsed; one line per block element; no empty lines.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(COMMENT_RE, "")
    .replace(SCRIPT_STYLE_RE, "")
    // Source line breaks are plain whitespace in HTML; only block boundaries break lines.
    .replace(/\s+/g, " ")
    .replace(BLOCK_TAG_RE, "\n")
    .replace(CELL_TAG_RE, " ")
    .replace(TAG_RE, "")
    .replace(DECLARATION_RE, "");
  return decodeEntities(text)
    .split("\n")
    .map((line) => line.replace(/[^\S\n]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}
