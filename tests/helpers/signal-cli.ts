// A loopback stand-in for `signal-cli daemon --tcp`: one JSON-RPC request per line, each answered
// after a daemon notification (the client must wait for the reply with its own id).
import net from "node:net";
import type { AddressInfo } from "node:net";

export interface SignalRpcRequest {
  jsonrpc: string;
  method: string;
  params: { recipient: string[]; message: string; textStyle: string[] };
  id: string;
}

export interface SignalCliStandIn {
  requests: SignalRpcRequest[];
  /** The reply to a request; SUCCESS unless a test changes it. */
  reply: (req: SignalRpcRequest) => unknown;
  /** "127.0.0.1:<port>", for SIGNAL_CLI_SOCKET, once listening. */
  address: string;
  listen(): Promise<void>;
  close(): Promise<void>;
}

export const signalSuccess = (req: SignalRpcRequest): unknown => ({ jsonrpc: "2.0", result: { results: [{ type: "SUCCESS" }], timestamp: 1 }, id: req.id });

export function startSignalCli(): SignalCliStandIn {
  const server = net.createServer((conn) => {
    let buffer = "";
    conn.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let i: number;
      while ((i = buffer.indexOf("\n")) >= 0) {
        const req = JSON.parse(buffer.slice(0, i)) as SignalRpcRequest;
        buffer = buffer.slice(i + 1);
        stand.requests.push(req);
        conn.write(JSON.stringify({ jsonrpc: "2.0", method: "receive", params: {} }) + "\n");
        conn.write(JSON.stringify(stand.reply(req)) + "\n");
      }
    });
  });
  const stand: SignalCliStandIn = {
    requests: [],
    reply: signalSuccess,
    address: "",
    async listen() {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      stand.address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return stand;
}
