// The dashboard's live-update feed: the project's checks with current statuses, as JSON.
import { getProjectAccess } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { listDashboardChecks } from "@/lib/checks/list-dashboard-checks";

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET(_req: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "signed out" }, { status: 401, headers: NO_STORE });
  const { code } = await params;
  const access = await getProjectAccess(user.id, code);
  if (!access) return Response.json({ error: "not found" }, { status: 404, headers: NO_STORE });
  const now = new Date();
  const checks = await listDashboardChecks(access.project.id, { now, tz: user.tz });
  return Response.json({ now: now.getTime(), checks }, { headers: NO_STORE });
}
