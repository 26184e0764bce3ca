// Shared by the transports that POST a JSON document (not a transport itself): the chat
// webhooks and the incident/push APIs, with Healthchecks' HttpTransport.post retry rules.
import { request, type HttpRequest } from "../http";
import { TransportError } from "../errors";
import type { NotifyContext } from "./transport";

/**
 * POSTs `payload` as JSON, with any extra `headers` (e.g. an API key); up to 3 tries (1 for
 * test sends). Throws TransportError.
 */
export async function postJson(
  ctx: Pick<NotifyContext, "isTest">,
  url: string,
  payload: unknown,
  { headers, errorForStatus }: Pick<HttpRequest, "headers" | "errorForStatus"> = {},
): Promise<void> {
  if (!url) throw new TransportError("Empty webhook URL");
  await request({
    method: "POST",
    url,
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(payload),
    retries: ctx.isTest ? 1 : 3,
    errorForStatus,
  });
}
