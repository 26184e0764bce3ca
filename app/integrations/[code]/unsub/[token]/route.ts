// The email transport's unsubscribe link and List-Unsubscribe target (Healthchecks'
// hc-unsubscribe-alerts): /integrations/<channel uuid>/unsub/<signature>/. GET (a person
// following the link, or a mail scanner) only leads to the confirmation page. POST is RFC 8058
// one-click unsubscribe (mail providers POST "List-Unsubscribe=One-Click" without cookies: the
// signature is the authority) and the confirmation page's button; it disables the channel. A
// page cannot answer a bare POST, hence a route handler here.
import { AppError } from "@/lib/errors";
import { unsubscribeChannel } from "@/lib/integrations/email/unsubscribe";

type Context = { params: Promise<{ code: string; token: string }> };

const confirmPath = (code: string, token: string) => `/integrations/${encodeURIComponent(code)}/unsub/${encodeURIComponent(token)}/confirm`;

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { code, token } = await params;
  return new Response(null, { status: 303, headers: { Location: confirmPath(code, token), "Cache-Control": "no-store" } });
}

export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { code, token } = await params;
  let found: boolean | null;
  try {
    found = await unsubscribeChannel({ channelCode: code, token });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    found = null;
  }
  const form = await request.formData().catch(() => null);
  if (form?.get("source") === "page") {
    return new Response(null, { status: 303, headers: { Location: found ? `${confirmPath(code, token)}?done=1` : confirmPath(code, token) } });
  }
  if (found === null) return text(400, "This unsubscribe link is not valid.\n");
  return found ? text(200, "Unsubscribed\n") : text(404, "not found\n");
}
