// Public project badges (Healthchecks' hc-badge and hc-badge-all):
// /badge/<badge_key>/<sig>[-2]/<tag>.<fmt> and /badge/<badge_key>/<sig>[-2].<fmt>. The tag may
// contain dots and comes double-quoted, so lib parses the raw path instead of Next's params.
import { handleBadgeRequest } from "@/lib/badges/handle-badge-request";

export const dynamic = "force-dynamic";

// Every method goes to the handler, which answers OPTIONS (204) and the rest (405) as
// Healthchecks does, instead of Next's own OPTIONS and HEAD answers.
const answer = (request: Request) => handleBadgeRequest(request);
export const GET = answer;
export const HEAD = answer;
export const OPTIONS = answer;
export const POST = answer;
export const PUT = answer;
export const PATCH = answer;
export const DELETE = answer;
