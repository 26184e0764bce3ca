// The schedule dialog's live validation: description and next runs of ?schedule= in ?tz=; an
// invalid one answers 400 with the API's message and the field at fault.
import { userActor } from "@/lib/auth/actor";
import { getCurrentUser } from "@/lib/auth/session";
import { previewCheckSchedule } from "@/lib/checks/preview-schedule";
import { AppError, withUiRoute } from "@/lib/errors";

export const GET = withUiRoute(async (req: Request, { params }: { params: Promise<{ code: string }> }) => {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "signed out");
  const { code } = await params;
  const query = new URL(req.url).searchParams;
  const preview = await previewCheckSchedule({
    actor: userActor(user.id),
    checkCode: code,
    schedule: query.get("schedule") ?? "",
    tz: query.get("tz") ?? "UTC",
  });
  return Response.json(preview);
});
