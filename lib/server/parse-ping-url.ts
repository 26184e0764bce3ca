import type { PingTarget, UrlAction } from "../pings/types";

export interface ParsedPingUrl {
  target: PingTarget;
  action: UrlAction;
  exitStatus: number | null;
}

// Django's converters: `uuid` is lowercase canonical only; `slug` is [-a-zA-Z0-9_]+.
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const SLUG = "[-a-zA-Z0-9_]+";
const UUID_ROUTE = new RegExp(`^(${UUID})(?:/|/(start|fail|log)|/(\\d+))?$`);
const SLUG_ROUTE = new RegExp(`^(${SLUG})/(${SLUG})(?:/(start|fail|log)|/(\\d+))?$`);
/** The hosted form: the same UUID routes at the root (hc-ping.com/<uuid>). */
export const ROOT_PING_PATH = new RegExp(`^/${UUID}(?:/|/start|/fail|/log|/\\d+)?(?:\\?|$)`);

/**
 * Matches the part after `/ping/` (or after `/` for the hosted form) against Healthchecks' URL
 * routes, in Django's order: UUID routes first, then slug routes. null = no route (404).
 * `pathname` excludes the query string.
 */
export function parsePingPath(path: string, allowSlug: boolean): ParsedPingUrl | null {
  let m = UUID_ROUTE.exec(path);
  if (m) {
    return {
      target: { code: m[1] },
      action: (m[2] as UrlAction | undefined) ?? "success",
      exitStatus: m[3] !== undefined ? Number(m[3]) : null,
    };
  }
  if (!allowSlug) return null;
  m = SLUG_ROUTE.exec(path);
  if (m) {
    return {
      target: { pingKey: m[1], slug: m[2], create: false },
      action: (m[3] as UrlAction | undefined) ?? "success",
      exitStatus: m[4] !== undefined ? Number(m[4]) : null,
    };
  }
  return null;
}
