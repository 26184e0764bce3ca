// The email transport's List-Unsubscribe target. GET (a person following the link) goes to the
// confirmation page, so a mail scanner opening links never unsubscribes anyone. POST is RFC 8058
// one-click unsubscribe (what mail providers send for "List-Unsubscribe=One-Click") and the
// confirmation page's button; it disables the channel. A page cannot answer a bare POST, hence
// a route handler here.
import { unsubscribeChannel } from "@/lib/channels/unsubscribe-channel";

type Context = { params: Promise<{ code: string }> };

const confirmPath = (code: string) => `/integrations/${encodeURIComponent(code)}/unsub/confirm`;

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { code } = await params;
  return new Response(null, { status: 303, headers: { Location: confirmPath(code), "Cache-Control": "no-store" } });
}

export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { code } = await params;
  const found = await unsubscribeChannel(code);
  const form = await request.formData().catch(() => null);
  if (form?.get("source") === "page") {
    return new Response(null, { status: 303, headers: { Location: `${confirmPath(code)}?done=1` } });
  }
  return new Response(found ? "Unsubscribed\n" : "not found\n", {
    status: found ? 200 : 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
