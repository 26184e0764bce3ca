// Every place where Vigil must read or write text exactly as Healthchecks' Python and Django code
// does, because clients, scripts and fixtures compare bytes: Django's JSON spacing, urllib's
// quoting, Python's whitespace, float formatting, string order, isoformat and slugify. Each
// function names the Python original it copies and says where JavaScript's nearest built-in
// differs. Pure functions only (no Node APIs): the badges page's client code imports this too.

// Python's str.isspace() characters, which str.split() and str.strip() use. JavaScript's \s
// differs: it lacks \x1c-\x1f and \x85 and has \ufeff. Matching Python keeps "valid here" equal to
// "valid in Healthchecks" for odd input pasted from other tools.
const ASCII_WHITESPACE = "\\t\\n\\v\\f\\r\\x1c-\\x1f ";
const WHITESPACE = `${ASCII_WHITESPACE}\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000`;
const WHITESPACE_RUN = new RegExp(`[${WHITESPACE}]+`);
const WHITESPACE_EDGES = new RegExp(`^[${WHITESPACE}]+|[${WHITESPACE}]+$`, "g");

/** Python's `s.split()`: split on runs of whitespace, dropping empty pieces. */
export function splitWhitespace(s: string): string[] {
  return s.split(WHITESPACE_RUN).filter((part) => part !== "");
}

/** Python's `s.strip()`. */
export function stripWhitespace(s: string): string {
  return s.replace(WHITESPACE_EDGES, "");
}

/**
 * Python's `a < b` for str, as sorted() orders strings: by code point. JavaScript's default sort
 * compares UTF-16 units, which puts characters above U+FFFF (emoji) before U+E000–U+FFFF.
 * Allocates nothing, so sorting many strings stays cheap.
 */
export function compareCodePoints(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(j)!;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return (a.length - i) - (b.length - j);
}

/** Python's str() of a float: whole numbers keep ".0" ("29.0"), others print as JavaScript does. */
export function formatPythonFloat(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

/** A number to serialise with a decimal point even when whole, like Python's float (2.0). */
export class JsonFloat {
  constructor(readonly value: number) {}
  toJSON(): number {
    return this.value;
  }
}

/**
 * JSON text byte-for-byte as Django's JsonResponse writes it (json.dumps defaults): ", " and
 * ": " separators and non-ASCII escaped as \uXXXX. Scripts written against Healthchecks grep
 * responses for strings like '"status": "down"', so the spacing is part of compatibility.
 * A Map is written as an object in insertion order, as Python's dict keeps it; a plain object
 * cannot do that for keys that look like integers ("10", "9"), which JavaScript lists first and
 * in numeric order. Undefined members are left out; values JSON cannot hold throw TypeError.
 */
export function toPythonJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof JsonFloat) return formatPythonFloat(value.value);
  if (typeof value === "string") {
    // Python's ensure_ascii escapes everything outside space..tilde that JSON.stringify keeps.
    return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  }
  if (typeof value === "number" || typeof value === "boolean") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(toPythonJson).join(", ")}]`;
  if (typeof value === "object") {
    const all: [unknown, unknown][] = value instanceof Map ? [...value] : Object.entries(value);
    const entries = all.filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${toPythonJson(String(k))}: ${toPythonJson(v)}`).join(", ")}}`;
  }
  throw new TypeError(`cannot serialise ${typeof value} as JSON`);
}

// encodeURIComponent throws on lone surrogates, which JSON input can carry.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Python's urllib.parse.quote(s, safe) over UTF-8: letters, digits, "_.-~" and the characters
 * of `safe` stay, everything else becomes %XX (upper-case hex). encodeURIComponent also keeps
 * "!'()*", which Python escapes. A lone surrogate (which Python refuses) is quoted as U+FFFD.
 */
export function quotePython(s: string, safe = ""): string {
  let quoted = encodeURIComponent(s.replace(LONE_SURROGATE, "\uFFFD")).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  for (const c of new Set(safe)) quoted = quoted.replaceAll(`%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`, c);
  return quoted;
}

/** Python's quote_plus(s, safe=""), as urlencode() applies it: quotePython with "+" for spaces. */
export function quotePlusPython(s: string): string {
  return quotePython(s).replace(/%20/g, "+");
}

const ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;

/**
 * Python's urllib.parse.unquote(): errors="strict" when `strict` (throws on bytes that are not
 * UTF-8), else "replace" (U+FFFD). Unlike decodeURIComponent it leaves a "%" that starts no
 * escape alone ("%zz" stays "%zz"), and it keeps a leading byte-order mark, as Python does.
 */
export function unquotePython(s: string, strict = false): string {
  const decoder = new TextDecoder("utf-8", { fatal: strict, ignoreBOM: true });
  return s.replace(ESCAPES, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
    return decoder.decode(bytes);
  });
}

/**
 * Python's `dt.replace(microsecond=0).isoformat()` for a UTC datetime, the form Healthchecks
 * uses in check JSON and flips: "2026-01-01T10:00:00+00:00". Null stays null.
 */
export function formatIso(date: Date | null): string | null {
  if (!date) return null;
  return date.toISOString().slice(0, 19) + "+00:00";
}

/**
 * Python's `dt.replace(microsecond=0).isoformat()` for an aware datetime whose zone is
 * `offsetMinutes` east of UTC at that instant: "2026-03-01T00:00:00+01:00".
 */
export function formatIsoWithOffset(date: Date, offsetMinutes: number): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/**
 * Python's datetime.isoformat() for a UTC datetime: microseconds shown ("...10:00:00.123000
 * +00:00") unless they are zero. We store milliseconds, so the last three digits are 0.
 */
export function formatIsoMicro(date: Date): string {
  const iso = date.toISOString();
  const ms = date.getUTCMilliseconds();
  return iso.slice(0, 19) + (ms ? `.${String(ms).padStart(3, "0")}000` : "") + "+00:00";
}

/**
 * Django's django.utils.text.slugify (allow_unicode=False), so API v1/v2 derive the same slug
 * from a name as Healthchecks: ASCII-fold, lowercase, drop everything but letters, digits,
 * underscores, hyphens and whitespace, collapse whitespace and hyphen runs to one hyphen, and
 * strip leading and trailing hyphens and underscores. Only ASCII is left after folding, so
 * Python's \s here is its ASCII whitespace (which, unlike JavaScript's, has \x1c-\x1f).
 */
export function slugify(value: string): string {
  const ascii = value.normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
  const cleaned = ascii.toLowerCase().replace(new RegExp(`[^\\w${ASCII_WHITESPACE}-]`, "g"), "");
  return cleaned.replace(new RegExp(`[-${ASCII_WHITESPACE}]+`, "g"), "-").replace(/^[-_]+|[-_]+$/g, "");
}
