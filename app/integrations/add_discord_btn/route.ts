// Discord OAuth setup, step 1: see ../oauth-route.ts.
import { startOAuthRoute } from "../oauth-route";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return startOAuthRoute("discord", request);
}
