// A ping's full body for the event log's "Show full body", as plain text.
import { userActor } from "@/lib/auth/actor";
import { getCurrentUser } from "@/lib/auth/session";
import { getPingBody } from "@/lib/checks/ping-log";
import { AppError, withUiRoute } from "@/lib/errors";

const HEADERS = {
  // The body is whatever a client sent: never let the browser render it as HTML.
  "Content-Type": "text/plain; charset=utf-8",
  "X-Content-Type-Options": "nosniff",
};

export const GET = withUiRoute(async (_req: Request, { params }: { params: Promise<{ code: string; n: string }> }) => {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "signed out");
  const { code, n } = await params;
  const body = /^\d+$/.test(n) ? await getPingBody({ actor: userActor(user.id), checkCode: code, n: Number(n) }) : null;
  if (!body) throw new AppError("not_found", "ping body not found");
  return new Response(new Uint8Array(body), { headers: HEADERS });
});
