import type http from "node:http";
import type { AddressInfo } from "node:net";

export interface ListeningServer {
  /** The bound port (the real one when 0 was asked for). */
  port: number;
  /**
   * Stops accepting and resolves once every connection is closed: idle keep-alive connections
   * at once, busy ones as soon as their response is sent, and any still busy after `graceMs`
   * are cut (their client got no answer, so nothing it was told is stored is lost).
   */
  close(graceMs?: number): Promise<void>;
}

/** Starts `server` on host:port; rejects if the port cannot be bound. */
export async function listenHttp(server: http.Server, port: number, host: string): Promise<ListeningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: (graceMs = 10_000) =>
      new Promise<void>((resolve) => {
        // A connection whose response ends after close() would otherwise stay open for the
        // whole keepAliveTimeout (65 s on the front server) and hold up the shutdown.
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearInterval(sweep);
          clearTimeout(deadline);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
