// Slack OAuth setup, the callback: see ../oauth-route.ts.
import { completeOAuthRoute } from "../oauth-route";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return completeOAuthRoute("slack", request);
}
