// Status pages open to the project's members only. The front server answers every other status
// page from its cache and hands these here, where the session is known; lib checks membership
// and returns the same cached bytes.
import { getCurrentUser } from "@/lib/auth/session";
import { serveMembersStatusRequest } from "@/lib/server/handle-status-page";

async function serve(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  return serveMembersStatusRequest(request, user?.id ?? null);
}

export const GET = serve;
export const HEAD = serve;

export const dynamic = "force-dynamic";
