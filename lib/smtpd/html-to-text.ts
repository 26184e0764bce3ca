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
