// Badge URLs are Next routes: the front server (which answers pings itself) must hand them on.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startFrontServer, type FrontServer } from "../../lib/server/create-front-server";

let server: FrontServer;
let base: string;
const seen: string[] = [];

beforeAll(async () => {
  server = await startFrontServer({
    port: 0,
    host: "127.0.0.1",
    next: async (req, res) => {
      seen.push(req.url ?? "");
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.end("next");
    },
  });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
});

test.each([
  "/badge/b5e8a3c2-1f0d-4e6a-9c7b-2d4f6a8e0c1b/y2Qecu-5-2/prod.svg",
  "/badge/b5e8a3c2-1f0d-4e6a-9c7b-2d4f6a8e0c1b/3VTUmj40.json",
  "/badge/b5e8a3c2-1f0d-4e6a-9c7b-2d4f6a8e0c1b/XXsmEV57/a%252Fb.shields",
  "/b/2/c0000000-0000-4000-8000-000000000001.svg",
  "/b/3/c0000000-0000-4000-8000-000000000001.json",
])("hands %s to Next unchanged", async (p) => {
  const res = await fetch(`${base}${p}`);
  expect(await res.text()).toBe("next");
  expect(seen.at(-1)).toBe(p);
});
