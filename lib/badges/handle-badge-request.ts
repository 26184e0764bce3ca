import { CHECK_TIMING_SELECT, getStatus } from "../checks/status";
import { getDb } from "../db";
import { getEnv } from "../env";
import { renderBadgeJson, renderBadgeSvg, renderShieldsJson, summarizeBadgeStatuses, type BadgeFormat, type BadgeSummary } from "./render";
import { isBadgeSignatureValid, parseBadgePath } from "./urls";

const FORMATS: readonly string[] = ["svg", "json", "shields"] satisfies BadgeFormat[];

/**
 * The badge of the check with this badge key, labelled with its name (its UUID when it has
 * none), or null when no check has the key.
 */
async function getCheckBadgeSummary(
  badgeKey: string,
  withLate: boolean,
  now: Date,
): Promise<{ label: string; summary: BadgeSummary } | null> {
  const check = await getDb().check.findUnique({ where: { badgeKey } });
  if (!check) return null;
  return { label: check.name || check.code, summary: summarizeBadgeStatuses([getStatus(check, now)], withLate) };
}

/**
 * The badge of the project with this badge key over its checks that carry `tag` exactly
 * ("*" = all of them), or null when no project has the key.
 */
async function getProjectBadgeSummary(badgeKey: string, tag: string, withLate: boolean, now: Date): Promise<BadgeSummary | null> {
  const project = await getDb().project.findUnique({
    where: { badgeKey },
    // `contains` only narrows the rows (like Healthchecks' tags__contains); the exact tag
    // match below drops "prodx" for "prod".
    select: { checks: { where: tag === "*" ? {} : { tags: { contains: tag } }, select: { ...CHECK_TIMING_SELECT, tags: true } } },
  });
  if (!project) return null;
  const checks = tag === "*" ? project.checks : project.checks.filter((c) => c.tags.split(" ").some((t) => t.trim() === tag));
  return summarizeBadgeStatuses(
    checks.map((c) => getStatus(c, now)),
    withLate,
  );
}

/** Headers of every badge response: Django's never_cache and Healthchecks' @cors("GET"). */
function withBadgeHeaders(response: Response, now: Date): Response {
  const h = response.headers;
  // Badges are embedded in READMEs behind caching proxies (GitHub's camo): never cache them.
  h.set("Expires", now.toUTCString());
  h.set("Cache-Control", "max-age=0, no-cache, no-store, must-revalidate, private");
  h.set("Access-Control-Allow-Origin", "*");
  h.set("Access-Control-Allow-Headers", "X-Api-Key");
  h.set("Access-Control-Allow-Methods", "GET, OPTIONS");
  h.set("Access-Control-Max-Age", "600");
  return response;
}

function notFound(): Response {
  return new Response("not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

function render(format: string, label: string, summary: BadgeSummary): Response {
  if (format === "svg") return new Response(renderBadgeSvg(label, summary.status), { headers: { "Content-Type": "image/svg+xml" } });
  const body = format === "shields" ? renderShieldsJson(label, summary.status) : renderBadgeJson(summary);
  return new Response(body, { headers: { "Content-Type": "application/json" } });
}

async function answer(request: Request, now: Date): Promise<Response> {
  if (request.method === "OPTIONS") return new Response(null, { status: 204 });
  if (request.method !== "GET") return new Response(null, { status: 405 });
  const badge = parseBadgePath(new URL(request.url).pathname);
  if (!badge || !FORMATS.includes(badge.format)) return notFound();

  if (badge.kind === "check") {
    const found = await getCheckBadgeSummary(badge.badgeKey, badge.states === 3, now);
    return found ? render(badge.format, found.label, found.summary) : notFound();
  }
  // Healthchecks builds two-state URLs as "<sig>-2"; any other suffix is three-state.
  const withLate = !(badge.signature.length === 10 && badge.signature.endsWith("-2"));
  if (!isBadgeSignatureValid(badge.badgeKey, badge.tag, badge.signature)) return notFound();
  const summary = await getProjectBadgeSummary(badge.badgeKey, badge.tag, withLate, now);
  if (!summary) return notFound();
  return render(badge.format, badge.tag === "*" ? getEnv().masterBadgeLabel : badge.tag, summary);
}

/**
 * Answers a public badge URL (Healthchecks' badge and check_badge views):
 * /badge/<badge_key>/<sig>[-2]/<tag>.<fmt>, /badge/<badge_key>/<sig>[-2].<fmt> (all checks)
 * and /b/<states>/<check badge_key>.<fmt>, with fmt svg, json or shields. A bad signature, an
 * unknown key or format, or any other path is a 404; OPTIONS is a 204, methods other than
 * GET a 405. Every answer carries never-cache and CORS headers.
 */
export async function handleBadgeRequest(request: Request, now = new Date()): Promise<Response> {
  return withBadgeHeaders(await answer(request, now), now);
}
