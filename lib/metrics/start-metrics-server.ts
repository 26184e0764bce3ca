import http from "node:http";
import { listenHttp, type ListeningServer } from "../server/listen-http";
import { handleMetricsRequest } from "./handle-metrics-request";

export type MetricsServer = ListeningServer;

/**
 * A bare HTTP server answering only GET /metrics (METRICS_PORT), for processes that have no
 * front server: `vigil sendalerts` and `vigil smtpd` run alone. Same auth as the front server's.
 */
export async function startMetricsServer(opts: { port: number; host: string }): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    if ((q === -1 ? url : url.slice(0, q)) !== "/metrics") {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("not found");
      return;
    }
    handleMetricsRequest(req, res).catch((err: unknown) => {
      console.error("metrics failed:", err);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("internal error");
    });
  });
  return listenHttp(server, opts.port, opts.host);
}
