// Telegram's bot webhook (Healthchecks' /integrations/telegram/bot/): point the bot at
// SITE_ROOT/integrations/telegram/bot/ with Telegram's setWebhook. Answers 200 to every update
// it can parse (so Telegram does not redeliver it), 400 to anything else.
import { handleTelegramUpdate } from "@/lib/telegram/handle-bot-update";
import { TransportError } from "@/lib/integrations/transport";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  let update: unknown;
  try {
    update = await request.json();
  } catch {
    return new Response("Bad Request", { status: 400 });
  }
  try {
    await handleTelegramUpdate(update);
  } catch (err) {
    // The reply could not be sent (bot blocked, Telegram down): nothing to retry later.
    if (!(err instanceof TransportError)) throw err;
  }
  return new Response("OK", { status: 200 });
}
