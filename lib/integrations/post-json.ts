// Shared by the chat transports (not a transport itself): every one of them POSTs a JSON
// document to a webhook URL, with Healthchecks' HttpTransport.post retry rules.
import { request, type HttpRequest } from "../http";
import { TransportError, type NotifyContext } from "./transport";

/** POSTs `payload` as JSON; up to 3 tries (1 for test sends). Throws TransportError. */
export async function postJson(
  ctx: Pick<NotifyContext, "isTest">,
  url: string,
  payload: unknown,
  errorForStatus?: HttpRequest["errorForStatus"],
): Promise<void> {
  if (!url) throw new TransportError("Empty webhook URL");
  await request({
    method: "POST",
    url,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(payload),
    retries: ctx.isTest ? 1 : 3,
    errorForStatus,
  });
}
