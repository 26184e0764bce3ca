import type http from "node:http";
import type { AddressInfo } from "node:net";

export interface ListeningServer {
  /** The bound port (the real one when 0 was asked for). */
  port: number;
  /** Stops accepting, drops idle keep-alive connections and resolves once all are closed. */
  close(): Promise<void>;
}

/** Starts `server` on host:port; rejects if the port cannot be bound. */
export async function listenHttp(server: http.Server, port: number, host: string): Promise<ListeningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
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
