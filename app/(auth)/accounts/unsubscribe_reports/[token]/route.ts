// The report and reminder emails' unsubscribe link and List-Unsubscribe target (Healthchecks'
// unsubscribe_reports). GET, which mail scanners also send, only leads to the confirmation
// page. POST unsubscribes: it is RFC 8058 one-click unsubscribe (mail providers POST
// "List-Unsubscribe=One-Click" without cookies, so there is no CSRF token to check: the signed
// token is the authority) and the confirmation page's button. A page cannot answer a bare
// POST, hence a route handler here.
import { unsubscribeReports } from "@/lib/reports/unsubscribe-reports";

type Context = { params: Promise<{ token: string }> };

const confirmPath = (token: string) => `/accounts/unsubscribe_reports/${encodeURIComponent(token)}/confirm`;

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { token } = await params;
  return new Response(null, { status: 303, headers: { Location: confirmPath(token), "Cache-Control": "no-store" } });
}

export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { token } = await params;
  const done = await unsubscribeReports(token);
  const form = await request.formData().catch(() => null);
  if (form?.get("source") === "page") {
    return new Response(null, { status: 303, headers: { Location: done ? `${confirmPath(token)}?done=1` : confirmPath(token) } });
  }
  return new Response(done ? "Unsubscribed\n" : "bad link\n", {
    status: done ? 200 : 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
