import http, { IncomingMessage, type ServerResponse } from "node:http";
import { handleApiRequest } from "../api/router";
import { getEnv } from "../env";
import { handleMetricsRequest } from "../metrics/operational-metrics";
import { handleProjectMetrics, PROJECT_METRICS_PATH } from "../metrics/project-metrics";
import { guardNextRequest, screenServerActionBody, type Refusal } from "./guard-next-request";
import { handleAgentApi, isAgentApiPath } from "./handle-agent-api";
import { handlePing } from "./handle-ping";
import { handleStatusPageRequest } from "./handle-status-page";
import { listenHttp, type ListeningServer } from "../net/listen-http";
import { ROOT_PING_PATH } from "./parse-ping-url";
import { getSecurityHeaders } from "./security-headers";
import { BodyTooLargeError, sendWebResponse, toWebRequest } from "./web-bridge";

const API_PATH = /^\/api\/v[123]\//;

export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** The path as Django matches it (percent-decoded); unchanged if it cannot be decoded. */
function decodePath(pathname: string): string {
  if (!pathname.includes("%")) return pathname;
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

export type FrontServer = ListeningServer;

/**
 * The one HTTP front. Pings never enter the Next.js pipeline (~0.6 ms of CPU per request there
 * versus ~0.02 ms for a bare node:http response): `/ping/...` and the hosted `/<uuid>...` form
 * are answered here, remote probe agents' `/api/agent/v1/` by handle-agent-api, the management
 * API by lib/api, `/metrics` and the projects' Prometheus endpoints by lib/metrics, and
 * everything else by Next (when given).
 */
export async function startFrontServer(opts: { port: number; host: string; next?: NextHandler }): Promise<FrontServer> {
  const { siteRoot, trustedProxies } = getEnv();
  const origin = new URL(siteRoot).origin;
  const securityHeaders = getSecurityHeaders(siteRoot);

  /** A short plain-text answer from the front server itself, on a web (non-API) path. */
  const refuse = (res: ServerResponse, { status, body }: Refusal, extra: Record<string, string> = {}) => {
    for (const [name, value] of securityHeaders) res.setHeader(name, value);
    res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...extra });
    res.end(body);
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const pathname = q === -1 ? url : url.slice(0, q);
    const query = q === -1 ? "" : url.slice(q + 1);
    // Fetch's Request (the API's handlers, Next) refuses these methods by throwing; nginx in
    // front of Healthchecks answers them 405 too.
    if (req.method === "TRACE" || req.method === "TRACK") {
      if (!API_PATH.test(pathname)) return refuse(res, { status: 405, body: "method not allowed" });
      res.writeHead(405, { "Access-Control-Allow-Origin": "*" });
      return void res.end();
    }
    if (pathname.startsWith("/ping/")) return handlePing(req, res, pathname.slice(6), query, true);
    if (ROOT_PING_PATH.test(url)) return handlePing(req, res, pathname.slice(1), query, false);
    if (isAgentApiPath(pathname)) return handleAgentApi(req, res, pathname);
    // Status pages come before the API: a page's custom domain serves its /api/v2/*.json.
    // Members-only pages go on to Next, which knows who is signed in.
    if ((await handleStatusPageRequest(req, res, pathname, query)) === "handled") return;
    if (pathname === "/metrics") return handleMetricsRequest(req, res);
    // Only the Prometheus routes: the dashboard's /projects/<uuid>/... pages belong to Next.
    if (pathname.startsWith("/projects/")) {
      const match = PROJECT_METRICS_PATH.exec(decodePath(pathname));
      if (match) return handleProjectMetrics(req, res, match[1] ?? null);
    }
    // Other /api/ paths (e.g. next-auth's) belong to Next.
    if (API_PATH.test(pathname)) {
      let request: Request;
      try {
        request = await toWebRequest(req, origin);
      } catch (err) {
        if (!(err instanceof BodyTooLargeError)) throw err;
        res.writeHead(413, { "Content-Type": "application/json", "Access-Control-Allow-Origin": "*", Connection: "close" });
        return void res.end('{"error": "request body too large"}');
      }
      const response = await handleApiRequest(request);
      if (response) return sendWebResponse(res, response);
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      return void res.end("not found");
    }
    // Web pages, badges, next-auth: Next's, after the checks it lacks.
    const refusal = guardNextRequest(req, pathname, trustedProxies);
    // The body was not read: close rather than read it to keep the connection.
    if (refusal) return refuse(res, refusal, { Connection: "close" });
    if (!opts.next) return refuse(res, { status: 404, body: "not found" });
    const screened = await screenServerActionBody(req);
    if (!(screened instanceof IncomingMessage)) return refuse(res, screened);
    // Set before Next runs, so a page or route handler can still override one of them.
    for (const [name, value] of securityHeaders) res.setHeader(name, value);
    return opts.next(screened, res);
  };

  const server = http.createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      console.error(`${req.method} ${req.url} failed:`, err);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("internal error");
    });
  });
  // Load generators and cron fleets keep connections open; don't let idle ones pile up.
  server.keepAliveTimeout = 65_000;
  return listenHttp(server, opts.port, opts.host);
}
