// Telegram's bot webhook (Healthchecks' /integrations/telegram/bot/): point the bot at
// SITE_ROOT/integrations/telegram/bot/ with Telegram's setWebhook (and, with
// TELEGRAM_WEBHOOK_SECRET set, secret_token=<that secret>). Answers 403 to a request without the
// secret, 200 to every update it can parse (so Telegram does not redeliver it), 400 to anything else.
import { TransportError } from "@/lib/errors";
import { handleTelegramUpdate, isTelegramWebhookRequest } from "@/lib/integrations/telegram/bot";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  if (!isTelegramWebhookRequest(request.headers.get("X-Telegram-Bot-Api-Secret-Token"))) {
    return new Response("Forbidden", { status: 403 });
  }
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
