// A TCP proxy on 127.0.0.1 that can freeze: while frozen it accepts connections but passes no
// bytes either way, which is what a client sees of a database whose processes are stopped
// (SIGSTOP) or a network that drops packets. Thawing passes everything held back.
import net from "node:net";

export interface TcpProxy {
  port: number;
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, targetHost = "127.0.0.1"): Promise<TcpProxy> {
  let frozen = false;
  const pairs = new Set<[net.Socket, net.Socket]>();
  const waiting: (() => void)[] = [];

  const connect = ([a, b]: [net.Socket, net.Socket]) => {
    a.pipe(b);
    b.pipe(a);
  };
  // Unpiped rather than only paused: a pipe resumes its source on the next 'drain'.
  const disconnect = ([a, b]: [net.Socket, net.Socket]) => {
    a.unpipe(b);
    b.unpipe(a);
    a.pause();
    b.pause();
  };

  const link = (client: net.Socket) => {
    const upstream = net.connect(targetPort, targetHost);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    if (!frozen) connect(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
  };

  const server = net.createServer((client) => {
    // A connection made while frozen is accepted by the kernel but goes nowhere until thawed.
    if (frozen) {
      client.pause();
      waiting.push(() => link(client));
      client.on("error", () => client.destroy());
    } else {
      link(client);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    freeze() {
      frozen = true;
      for (const pair of pairs) disconnect(pair);
    },
    thaw() {
      frozen = false;
      for (const pair of pairs) connect(pair);
      for (const go of waiting.splice(0)) go();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const pair of pairs) for (const s of pair) s.destroy();
        server.close(() => resolve());
      }),
  };
}
