import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { setEnv } from "./env";
import dns from "node:dns/promises";
import { TransportError } from "./errors";
import { request, resolveHost } from "./http";
import { PRIVATE_IP_MESSAGE } from "./net/address-policy";
import { useHttpSink } from "../tests/helpers/alerts";

describe("request", () => {
  const sink = useHttpSink();

  afterAll(() => {
    setEnv({ INTEGRATIONS_ALLOW_PRIVATE_IPS: undefined });
  });
  beforeEach(() => {
    setEnv({ INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" });
  });
  afterEach(() => {
    setEnv({ INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" });
  });

  const errorOf = async (p: Promise<unknown>): Promise<TransportError> => {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TransportError);
    return err as TransportError;
  };

  test("sends method, headers and body with the Vigil user agent", async () => {
    const res = await request({ method: "PUT", url: `${sink.url}/x?y=1`, headers: { "X-Foo": "bär" }, body: "héllo" });
    expect(res.status).toBe(200);
    const [req] = sink.requests;
    expect(req.method).toBe("PUT");
    expect(req.url).toBe("/x?y=1");
    expect(req.headers["user-agent"]).toBe("Vigil");
    expect(Buffer.from(req.headers["x-foo"] as string, "latin1").toString("latin1")).toBe("bär");
    expect(req.body.toString("utf8")).toBe("héllo");
    expect(req.headers["content-type"]).toBeUndefined();
  });

  test("connects by host name to the address it checked", async () => {
    const res = await request({ method: "GET", url: sink.url.replace("127.0.0.1", "localhost") });
    expect(res.status).toBe(200);
    expect(sink.requests).toHaveLength(1);
  });

  test("a configured User-Agent wins", async () => {
    await request({ method: "GET", url: sink.url, headers: { "user-agent": "My-Agent" } });
    expect(sink.requests[0].headers["user-agent"]).toBe("My-Agent");
  });

  test("retries non-2xx statuses three times, then reports the status", async () => {
    sink.respond = (_req, res) => {
      res.statusCode = 500;
      res.end();
    };
    const err = await errorOf(request({ method: "GET", url: sink.url }));
    expect(err.message).toBe("Received status code 500");
    expect(err.permanent).toBe(false);
    expect(sink.requests).toHaveLength(3);
  });

  test("stops retrying once a try succeeds", async () => {
    sink.respond = (_req, res) => {
      res.statusCode = sink.requests.length === 1 ? 502 : 204;
      res.end();
    };
    expect((await request({ method: "GET", url: sink.url })).status).toBe(204);
    expect(sink.requests).toHaveLength(2);
  });

  test("retries=1 tries once", async () => {
    sink.respond = (_req, res) => {
      res.statusCode = 500;
      res.end();
    };
    await errorOf(request({ method: "GET", url: sink.url, retries: 1 }));
    expect(sink.requests).toHaveLength(1);
  });

  test("a permanent error from errorForStatus is not retried", async () => {
    sink.respond = (_req, res) => {
      res.statusCode = 404;
      res.end();
    };
    const err = await errorOf(
      request({ method: "GET", url: sink.url, errorForStatus: (r) => new TransportError(`gone ${r.status}`, { permanent: true }) }),
    );
    expect(err).toMatchObject({ message: "gone 404", permanent: true });
    expect(sink.requests).toHaveLength(1);
  });

  test("follows up to three redirects; a POST becomes a GET after 302", async () => {
    sink.respond = (req, res) => {
      const n = Number(req.url.slice(1)) || 0;
      if (n < 3) {
        res.writeHead(302, { Location: `/${n + 1}` });
        res.end();
      } else res.end("done");
    };
    const res = await request({ method: "POST", url: `${sink.url}/0`, body: "x" });
    expect(res.body.toString()).toBe("done");
    expect(sink.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["POST /0", "GET /1", "GET /2", "GET /3"]);
  });

  test("more than three redirects fail", async () => {
    sink.respond = (_req, res) => {
      res.writeHead(307, { Location: "/again" });
      res.end();
    };
    const err = await errorOf(request({ method: "GET", url: sink.url, retries: 1 }));
    expect(err.message).toBe("Too many redirects");
    expect(sink.requests).toHaveLength(4);
  });

  test("refuses private addresses unless INTEGRATIONS_ALLOW_PRIVATE_IPS=True", async () => {
    setEnv({ INTEGRATIONS_ALLOW_PRIVATE_IPS: "False" });
    for (const url of [sink.url, sink.url.replace("127.0.0.1", "localhost"), "http://[::1]:9/", "http://10.0.0.1/"]) {
      const err = await errorOf(request({ method: "GET", url }));
      expect(err.message).toBe(PRIVATE_IP_MESSAGE);
    }
    expect(sink.requests).toHaveLength(0);
  });

  test("refuses addresses that are not globally routable, as literals and as DNS answers", async () => {
    setEnv({ INTEGRATIONS_ALLOW_PRIVATE_IPS: "False" });
    const lookup = dns.lookup.bind(dns);
    const stub = vi.spyOn(dns, "lookup").mockImplementation(((host: string, options: unknown) =>
      host === "metadata.test"
        ? Promise.resolve([{ address: "100.100.100.200", family: 4 }])
        : host === "mixed.test"
          ? Promise.resolve([{ address: "8.8.4.4", family: 4 }, { address: "::ffff:10.0.0.1", family: 6 }])
          : lookup(host, options as never)) as typeof dns.lookup);
    try {
      for (const host of ["metadata.test", "mixed.test", "100.100.100.200", "[::127.0.0.1]", "[64:ff9b::7f00:1]", "[2002:7f00:1::]", "224.0.0.1", "[ff02::1]"]) {
        await expect(resolveHost(host)).rejects.toThrow(PRIVATE_IP_MESSAGE);
      }
      const err = await errorOf(request({ method: "POST", url: "http://metadata.test/latest/meta-data/", body: "x" }));
      expect(err.message).toBe(PRIVATE_IP_MESSAGE);
      setEnv({ INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" });
      expect(await resolveHost("metadata.test")).toEqual([{ address: "100.100.100.200", family: 4 }]);
    } finally {
      stub.mockRestore();
    }
  });

  test("maps connection errors to Healthchecks' messages", async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expect((await errorOf(request({ method: "GET", url: `http://127.0.0.1:${port}/`, retries: 1 }))).message).toBe("Connection failed");
    expect((await errorOf(request({ method: "GET", url: "http://nonexistent.invalid/", retries: 1 }))).message).toBe("Could not resolve host");
    expect((await errorOf(request({ method: "GET", url: "ftp://example.org/" }))).message).toMatch(/unsupported protocol/);
  });

  test("times out slow responses", async () => {
    sink.respond = () => {
      // never answers
    };
    const started = Date.now();
    const err = await errorOf(request({ method: "GET", url: sink.url, timeoutMs: 200, retries: 2 }));
    expect(err.message).toBe("Connection timed out");
    expect(sink.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
