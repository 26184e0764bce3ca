// Python's \s on a str also matches the ASCII separators \x1c-\x1f; JavaScript's does not.
const WHITESPACE = "\\t\\n\\v\\f\\r \\x1c-\\x1f";

/**
 * Django's django.utils.text.slugify (allow_unicode=False), so API v1/v2 derive the same slug
 * from a name as Healthchecks: ASCII-fold, lowercase, drop everything but letters, digits,
 * underscores, hyphens and whitespace, collapse whitespace and hyphen runs to one hyphen, and
 * strip leading and trailing hyphens and underscores.
 */
export function slugify(value: string): string {
  const ascii = value.normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
  const cleaned = ascii.toLowerCase().replace(new RegExp(`[^\\w${WHITESPACE}-]`, "g"), "");
  return cleaned.replace(new RegExp(`[-${WHITESPACE}]+`, "g"), "-").replace(/^[-_]+|[-_]+$/g, "");
}
