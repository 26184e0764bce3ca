// The unsubscribe link without its signature (alert emails sent before Vigil signed them, or a
// link cut short). It no longer disables anything: anyone who knows a channel's UUID could
// otherwise silence it.
const MESSAGE = [
  "This unsubscribe link is not valid: it has no signature.",
  "Unsubscribe links in alert emails sent before Vigil signed them no longer work.",
  "Use the link in a newer alert email, or ask a project member to turn the integration off.",
  "",
].join("\n");

function refuse(): Response {
  return new Response(MESSAGE, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function GET(): Promise<Response> {
  return refuse();
}

export async function POST(): Promise<Response> {
  return refuse();
}
