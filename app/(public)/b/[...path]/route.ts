// Public per-check badges (Healthchecks' hc-badge-check): /b/<states>/<badge_key>.<fmt>,
// states 3 = up/late/down, anything else up/down.
export { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } from "../../badge-methods";

export const dynamic = "force-dynamic";
