// Public project badges (Healthchecks' hc-badge and hc-badge-all):
// /badge/<badge_key>/<sig>[-2]/<tag>.<fmt> and /badge/<badge_key>/<sig>[-2].<fmt>. The tag may
// contain dots and comes double-quoted, so lib parses the raw path instead of Next's params.
export { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } from "../../badge-methods";

export const dynamic = "force-dynamic";
