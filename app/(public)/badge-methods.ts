// The handlers both badge routes export. Every method goes to lib, which answers OPTIONS (204)
// and the rest (405) as Healthchecks does, instead of Next's own OPTIONS and HEAD answers.
import { handleBadgeRequest } from "@/lib/badges/handle-badge-request";

const answer = (request: Request) => handleBadgeRequest(request);
export { answer as GET, answer as HEAD, answer as OPTIONS, answer as POST, answer as PUT, answer as PATCH, answer as DELETE };
