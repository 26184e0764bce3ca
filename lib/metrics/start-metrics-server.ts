import http from "node:http";
import type { AddressInfo } from "node:net";
import { handleMetricsRequest } from "./handle-metrics-request";

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

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
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
