// A ping's full body for the event log's "Show full body", as plain text.
import { userActor } from "@/lib/auth/actor";
import { requireCheckAccess } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { getPingBody } from "@/lib/checks/get-ping-body";
import { AppError } from "@/lib/errors";

const HEADERS = {
  "Cache-Control": "no-store",
  // The body is whatever a client sent: never let the browser render it as HTML.
  "Content-Type": "text/plain; charset=utf-8",
  "X-Content-Type-Options": "nosniff",
};

export async function GET(_req: Request, { params }: { params: Promise<{ code: string; n: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("signed out", { status: 401, headers: HEADERS });
  const { code, n } = await params;
  let checkId: number;
  try {
    checkId = (await requireCheckAccess(userActor(user.id), code, "read")).check.id;
  } catch (err) {
    if (err instanceof AppError) return new Response(err.message, { status: err.status, headers: HEADERS });
    throw err;
  }
  const body = /^\d+$/.test(n) ? await getPingBody(checkId, Number(n)) : null;
  if (!body) return new Response("not found", { status: 404, headers: HEADERS });
  return new Response(new Uint8Array(body), { headers: HEADERS });
}
