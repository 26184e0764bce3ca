// app/api/auth/[...nextauth]/route.ts before next-auth runs: what it refuses itself. Requests
// it passes on need Next's request scope, which the sign-in tests drive through next-auth's
// own entry instead (helpers.ts).
import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { GET, POST } from "../../app/api/auth/[...nextauth]/route";

const ORIGIN = "http://localhost:8000";

function call(method: "GET" | "POST", path: string[], init: { query?: string; headers?: Record<string, string>; body?: string } = {}) {
  const req = new NextRequest(`${ORIGIN}/api/auth/${path.join("/")}${init.query ?? ""}`, {
    method,
    headers: { host: "localhost:8000", ...init.headers },
    body: init.body,
  });
  return (method === "GET" ? GET : POST)(req, { params: Promise.resolve({ nextauth: path }) });
}

describe("the next-auth route", () => {
  test("refuses a sign-in link used by GET, which any other site can make a browser send", async () => {
    const res = await call("GET", ["callback", "email"], { query: "?token=abc&email=victim%40example.org" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect(await res.text()).toMatch(/press Sign in/);
  });

  test("refuses a cross-site POST", async () => {
    const res = await call("POST", ["callback", "email"], {
      query: "?token=abc",
      headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: "callbackUrl=%2F",
    });
    expect(res.status).toBe(403);
  });

  test.each([
    ["a form body", "email=a&password=b"],
    ["broken JSON", "{\"email\":"],
    ["a JSON array", "[1,2]"],
    ["JSON null", "null"],
    ["a JSON string", "\"email\""],
  ])("answers 400, not 500, to %s sent as JSON", async (_name, body) => {
    for (const path of [["callback", "password"], ["signin", "email"], ["signout"]]) {
      const res = await call("POST", path, { headers: { "content-type": "application/json" }, body });
      expect(res.status).toBe(400);
      expect(await res.text()).toBe("bad request body\n");
    }
  });
});
