// What the front server does before a request reaches Next (or instead of it): security
// headers, a trustworthy X-Forwarded-For, and clear 4xx answers for input Next answers with
// a 500 or reads whole. Next is a stub here that records what it was handed.
import http, { type IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { setEnv } from "../../lib/env";
import { startFrontServer, type FrontServer } from "../../lib/server/create-front-server";

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

const seen: Seen[] = [];

async function startWith(env: Record<string, string | undefined>, next?: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  setEnv({ SITE_ROOT: undefined, TRUSTED_PROXIES: undefined, ...env });
  return startFrontServer({
    port: 0,
    host: "127.0.0.1",
    next: async (req, res) => {
      seen.push({ url: req.url ?? "", headers: { ...req.headers } });
      if (next) return next(req, res);
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end("next");
    },
  });
}

/** A raw request (fetch cannot send TRACE, bad paths or a chosen Content-Length). */
function request(port: number, opts: http.RequestOptions & { body?: Buffer | string }): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, ...opts }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    // The server may answer and close before a large body is sent: that is the point.
    req.on("error", (err: NodeJS.ErrnoException) => (err.code === "EPIPE" || err.code === "ECONNRESET" ? undefined : reject(err)));
    if (opts.body !== undefined) req.end(opts.body);
    else req.end();
  });
}

describe("front server in front of Next", () => {
  let plain: FrontServer;
  let https: FrontServer;
  let proxied: FrontServer;

  beforeAll(async () => {
    plain = await startWith({ SITE_ROOT: "http://127.0.0.1:8000" });
    https = await startWith({ SITE_ROOT: "https://vigil.example.org" });
    proxied = await startWith({ SITE_ROOT: "http://127.0.0.1:8000", TRUSTED_PROXIES: "10.0.0.0/8, 127.0.0.1" });
  });
  afterAll(async () => {
    await Promise.all([plain, https, proxied].map((s) => s?.close()));
    setEnv({ SITE_ROOT: undefined, TRUSTED_PROXIES: undefined });
  });
  beforeEach(() => {
    seen.length = 0;
  });

  test("web pages get a CSP forbidding framing, X-Frame-Options, nosniff and a Referrer-Policy", async () => {
    const res = await request(plain.port, { path: "/accounts/login/" });
    expect(res.status).toBe(200);
    const csp = res.headers["content-security-policy"] as string;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("same-origin");
    expect(res.headers["strict-transport-security"]).toBeUndefined();
  });

  test("HSTS is sent only when SITE_ROOT is https", async () => {
    const res = await request(https.port, { path: "/" });
    expect(res.headers["strict-transport-security"]).toBe("max-age=31536000");
  });

  test("a page that sets its own Referrer-Policy keeps it", async () => {
    const own = await startWith({ SITE_ROOT: "http://127.0.0.1:8000" }, (_req, res) => {
      res.setHeader("Referrer-Policy", "no-referrer");
      res.end("own");
    });
    try {
      const res = await request(own.port, { path: "/accounts/check-token/abc/" });
      expect(res.headers["referrer-policy"]).toBe("no-referrer");
      expect(res.headers["x-frame-options"]).toBe("DENY");
    } finally {
      await own.close();
    }
  });

  test("the management API keeps Healthchecks' headers, without the web page ones", async () => {
    const res = await request(plain.port, { method: "OPTIONS", path: "/api/v3/checks/" });
    expect(res.status).toBe(204);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    for (const name of ["content-security-policy", "x-frame-options", "referrer-policy", "strict-transport-security"]) {
      expect(res.headers[name]).toBeUndefined();
    }
  });

  test("X-Forwarded-For from a client that is not a trusted proxy is replaced by its address", async () => {
    await request(plain.port, { path: "/accounts/login/", headers: { "X-Forwarded-For": "203.0.113.9, 198.51.100.1" } });
    await request(plain.port, { path: "/accounts/login/" });
    expect(seen.map((s) => s.headers["x-forwarded-for"])).toEqual(["127.0.0.1", "127.0.0.1"]);
  });

  test("X-Forwarded-For from a trusted proxy is handed on unchanged", async () => {
    await request(proxied.port, { path: "/accounts/login/", headers: { "X-Forwarded-For": "203.0.113.9, 198.51.100.1" } });
    expect(seen[0].headers["x-forwarded-for"]).toBe("203.0.113.9, 198.51.100.1");
  });

  test.each(["/api/v3/checks/", "/api/v3/status/", "/api/v1/checks/b5e8a3c2-1f0d-4e6a-9c7b-2d4f6a8e0c1b/pings/", "/api/auth/session", "/badge/x/y/z.svg", "/ping/b5e8a3c2-1f0d-4e6a-9c7b-2d4f6a8e0c1b", "/"])(
    "TRACE and TRACK on %s get a 4xx, never a 500",
    async (path) => {
      expect((await request(plain.port, { method: "TRACE", path })).status).toBe(405);
      // Node's HTTP parser does not know TRACK and answers 400 itself.
      expect((await request(plain.port, { method: "TRACK", path })).status).toBe(400);
      expect(seen).toHaveLength(0);
    },
  );

  test.each([
    ["GET", "/badge/x/y/%ff%fe.svg"],
    ["HEAD", "/badge/x/y/%ff%fe.svg"],
    ["POST", "/accounts/unsubscribe_reports/%ff/"],
    ["GET", "/checks/%c0%af/details"],
  ])("%s %s (not valid UTF-8 once decoded) answers 400 before Next", async (method, path) => {
    const res = await request(plain.port, { method, path, body: method === "POST" ? "x=1" : undefined });
    expect(res.status).toBe(400);
    expect(seen).toHaveLength(0);
  });

  test("an RSC request with an unparsable router-state header reaches Next without that header", async () => {
    const garbage = "%5B%22garbage";
    const valid = encodeURIComponent(JSON.stringify(["", { children: ["projects", {}, null, null] }, null, null, 1]));
    await request(plain.port, { path: "/robots.txt", headers: { RSC: "1", "Next-Router-State-Tree": garbage } });
    await request(plain.port, { path: "/projects/", headers: { RSC: "1", "Next-Router-State-Tree": valid } });
    expect(seen[0].headers["next-router-state-tree"]).toBeUndefined();
    expect(seen[1].headers["next-router-state-tree"]).toBe(valid);
  });

  test("a body over 2.5 MB for a web page is refused with 413 without being read", async () => {
    const big = Buffer.alloc(20 * 1024 * 1024, 120);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        request(plain.port, { method: "POST", path: "/integrations/telegram/bot/", headers: { "Content-Type": "application/json" }, body: big }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(413));
    expect(seen).toHaveLength(0);
  });

  test("a form body within the limit reaches Next; a body without a Content-Length gets 411", async () => {
    const ok = await request(plain.port, { method: "POST", path: "/accounts/login/", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "email=a%40example.org" });
    expect(ok.status).toBe(200);
    const chunked = await request(plain.port, { method: "POST", path: "/accounts/login/", headers: { "Transfer-Encoding": "chunked" }, body: "email=a" });
    expect(chunked.status).toBe(411);
    expect(seen).toHaveLength(1);
  });

  test("a server action whose arguments are not JSON gets 400; JSON arguments reach Next intact", async () => {
    const echo = await startWith({ SITE_ROOT: "http://127.0.0.1:8000" }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => res.end(`got ${Buffer.concat(chunks).toString()}`));
    });
    try {
      const action = (body: string, type = "text/plain;charset=UTF-8") =>
        request(echo.port, { method: "POST", path: "/checks/x/details/", headers: { "Next-Action": "40aa", "Content-Type": type }, body });
      for (const bad of ["{bad", 'garbage"', ""]) {
        const res = await action(bad);
        expect(res.status).toBe(400);
        expect(res.body).toContain("not JSON");
      }
      expect(seen).toHaveLength(0);
      const good = await action('["0b2f8a4c",{"name":"ü"}]');
      expect(good).toMatchObject({ status: 200, body: 'got ["0b2f8a4c",{"name":"ü"}]' });
      // Forms (multipart) and requests that are no server action are handed on unread.
      expect((await action("--x\r\n", "multipart/form-data; boundary=x")).body).toBe("got --x\r\n");
      const plainPost = await request(echo.port, { method: "POST", path: "/accounts/login/", headers: { "Content-Type": "text/plain" }, body: "{bad" });
      expect(plainPost.body).toBe("got {bad");
    } finally {
      await echo.close();
    }
  });

  test("stopping waits for a response in flight, then closes its keep-alive connection at once", async () => {
    let answer!: () => void;
    const slow = await startWith({ SITE_ROOT: "http://127.0.0.1:8000" }, (_req, res) => {
      answer = () => res.end("late");
    });
    // A keep-alive client that holds its connection open after the answer, as browsers do.
    const agent = new http.Agent({ keepAlive: true });
    try {
      const pending = request(slow.port, { path: "/accounts/login/", agent });
      while (!answer) await new Promise((r) => setTimeout(r, 10));
      let closed = false;
      const closing = slow.close().then(() => (closed = true));
      await new Promise((r) => setTimeout(r, 200));
      expect(closed).toBe(false);
      answer();
      expect((await pending).body).toBe("late");
      // Without the sweep the connection stayed open for the 65 s keepAliveTimeout.
      await Promise.race([closing, new Promise((_, reject) => setTimeout(() => reject(new Error("still open after 5 s")), 5_000))]);
    } finally {
      agent.destroy();
    }
  });

  test("a response still in flight after the grace time is cut so the server can stop", async () => {
    const stuck = await startWith({ SITE_ROOT: "http://127.0.0.1:8000" }, () => undefined);
    const pending = new Promise<string>((resolve) => {
      http.get({ host: "127.0.0.1", port: stuck.port, path: "/accounts/login/" }).on("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
    });
    while (seen.length === 0) await new Promise((r) => setTimeout(r, 10));
    await stuck.close(300);
    expect(await pending).toBe("ECONNRESET");
  });
});
