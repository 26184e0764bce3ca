// The schedule dialog's live validation: description and next runs of ?schedule= in ?tz=.
import { userActor } from "@/lib/auth/actor";
import { requireCheckAccess } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { previewSchedule } from "@/lib/checks/preview-schedule";
import { AppError } from "@/lib/errors";

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET(req: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "signed out" }, { status: 401, headers: NO_STORE });
  const { code } = await params;
  try {
    await requireCheckAccess(userActor(user.id), code, "read");
  } catch (err) {
    if (err instanceof AppError) return Response.json({ error: err.message }, { status: err.status, headers: NO_STORE });
    throw err;
  }
  const query = new URL(req.url).searchParams;
  const preview = previewSchedule(query.get("schedule") ?? "", query.get("tz") ?? "UTC");
  return Response.json(preview, { headers: NO_STORE });
}
