// PLACEHOLDER (replaced by the subscribers work): the public subscription routes under a
// status page (subscribe, confirm, unsubscribe). The page router calls it first for every
// path under the page and serves the path itself when this answers false.
import type { IncomingMessage, ServerResponse } from "node:http";

export interface SubscriberRouteContext {
  page: { id: number; code: string; slug: string; title: string };
  /** Absolute URL of the page's root: https://host/status/<slug>, or https://<custom domain>. */
  baseUrl: string;
  /** The path below the page's root, e.g. "/subscribe"; "" for the page itself. */
  subpath: string;
  /** The query string without "?". */
  query: string;
}

export async function handleSubscriberRoute(
  _req: IncomingMessage,
  _res: ServerResponse,
  _ctx: SubscriberRouteContext,
): Promise<boolean> {
  return false;
}
