// A project's keys and the URLs made from them: API keys (stored hashed), the ping key of slug
// URLs, the badge key and its signed badge URLs, the Prometheus URL. The verbs that change a
// key (create-api-key.ts, create-ping-key.ts, …) use these helpers.
import { quotePython } from "../compat/python";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { getDb, type Project } from "../db";
import { getEnv } from "../env";

/**
 * A random URL-safe token of `length` characters without "-" or "_" (Healthchecks draws
 * token_urlsafe() until none appear, so keys stay double-click selectable). Rejection sampling
 * from base64url keeps every remaining character equally likely.
 */
export function generateToken(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const c of randomBytes(length).toString("base64url")) {
      if (c !== "-" && c !== "_" && out.length < length) out += c;
    }
  }
  return out;
}

/**
 * A project ping key: 22 characters of [a-z0-9] (about 113 bits). Lowercase because slug ping
 * URLs also serve as email addresses, which mail providers may lowercase.
 */
export function generatePingKey(): string {
  return generateToken(22).toLowerCase();
}

/** A new API key: "hcw_" (read-write) or "hcr_" (read-only) and 28 random characters. */
export function generateApiKey(readOnly: boolean): string {
  return (readOnly ? "hcr_" : "hcw_") + generateToken(28);
}

/**
 * The stored form of an API key (Healthchecks' format): the first 8 characters in clear, so
 * a key can be recognised in the UI, then "." and hex HMAC-SHA256(SECRET_KEY, key). A leaked
 * database therefore does not leak usable keys.
 */
export function hashApiKey(key: string): string {
  const mac = createHmac("sha256", getEnv().secretKey).update(key, "utf8").digest("hex");
  return `${key.slice(0, 8)}.${mac}`;
}

/**
 * The project a 32-character API key belongs to, and whether the key is the read-only one.
 * Matches the hashed form and, for keys created before hashing, the legacy clear-text form.
 * The lookup is an indexed equality on the HMAC, so timing reveals nothing usable about
 * stored keys. Returns null for unknown keys.
 */
export async function findProjectByApiKey(key: string): Promise<{ project: Project; readOnly: boolean } | null> {
  if (key.length !== 32) return null;
  const hashed = hashApiKey(key);
  const project = await getDb().project.findFirst({
    where: { OR: [{ apiKey: hashed }, { apiKeyReadonly: hashed }, { apiKey: key }, { apiKeyReadonly: key }] },
  });
  if (!project) return null;
  const readOnly = project.apiKey !== hashed && project.apiKey !== key;
  return { project, readOnly };
}

/**
 * The 8-character signature in a project badge URL: Django's base64_hmac(badge_key, tag,
 * SECRET_KEY)[:8], i.e. unpadded base64url of HMAC-SHA1 keyed with SHA1(badge_key +
 * SECRET_KEY). Same SECRET_KEY, same URLs as Healthchecks. Badge views compare only these 8
 * characters.
 */
export function getBadgeSignature(badgeKey: string, tag: string): string {
  const key = createHash("sha1").update(badgeKey + getEnv().secretKey, "utf8").digest();
  return createHmac("sha1", key).update(tag, "utf8").digest("base64url").slice(0, 8);
}

/**
 * A project badge URL as Healthchecks builds it: SITE_ROOT/badge/<badge_key>/<sig>[-2]/<tag>.<fmt>,
 * or SITE_ROOT/badge/<badge_key>/<sig>[-2].<fmt> for "*" (all checks). "-2" marks the
 * two-state badge (late counts as up). The tag is quoted twice, because Django's reverse()
 * quotes the already quoted converter output again ("a/b" -> "a%252Fb"); a badge view must
 * therefore unquote it twice.
 */
export function getBadgeUrl(badgeKey: string, tag: string, fmt: "svg" | "json" | "shields", withLate: boolean): string {
  const sig = getBadgeSignature(badgeKey, tag) + (withLate ? "" : "-2");
  const base = `${getEnv().siteRoot}/badge/${badgeKey}/${sig}`;
  if (tag === "*") return `${base}.${fmt}`;
  return `${base}/${quotePython(tag).replace(/%/g, "%25")}.${fmt}`;
}

/**
 * The project's Prometheus endpoint, SITE_ROOT/projects/<uuid>/metrics/<read-only key>.
 * Keys are stored hashed, so without the clear key the URL carries a placeholder.
 */
export function getMetricsUrl(projectCode: string, readOnlyKey?: string): string {
  return `${getEnv().siteRoot}/projects/${projectCode}/metrics/${readOnlyKey ?? "<read-only API key>"}`;
}
