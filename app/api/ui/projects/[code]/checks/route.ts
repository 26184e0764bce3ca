// The dashboard's live-update feed: the project's checks with current statuses, as JSON.
import { userActor } from "@/lib/auth/actor";
import { getCurrentUser } from "@/lib/auth/session";
import { listDashboardChecks } from "@/lib/checks/list-dashboard-checks";
import { AppError, withUiRoute } from "@/lib/errors";

export const GET = withUiRoute(async (_req: Request, { params }: { params: Promise<{ code: string }> }) => {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "signed out");
  const { code } = await params;
  const now = new Date();
  const checks = await listDashboardChecks({ actor: userActor(user.id), projectCode: code, now, tz: user.tz });
  return Response.json({ now: now.getTime(), checks });
});
