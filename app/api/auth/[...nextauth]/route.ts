import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { isSameOrigin } from "@/lib/auth/request-trust";

type Context = { params: Promise<{ nextauth: string[] }> };

function refuse(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...headers } });
}

/**
 * next-auth parses a JSON body with req.json() and throws on anything else sent as JSON; our
 * forms post urlencoded. A JSON body must at least be an object to be handed on.
 */
async function isAcceptableBody(req: NextRequest): Promise<boolean> {
  if (req.method !== "POST" || !req.headers.get("content-type")?.includes("application/json")) return true;
  try {
    const body: unknown = JSON.parse(await req.clone().text());
    return typeof body === "object" && body !== null && !Array.isArray(body);
  } catch {
    return false;
  }
}

// Options are built per request: they read the configuration (getEnv), which may change.
async function handler(req: NextRequest, ctx: Context): Promise<Response> {
  const [action, provider] = (await ctx.params).nextauth ?? [];
  // A sign-in link is used by the POST of its confirmation page. next-auth would also take a
  // GET, which any page elsewhere can make a browser send: with a link for the attacker's own
  // account, that signs the visitor in as the attacker (login CSRF).
  if (req.method === "GET" && action === "callback" && provider === "email") {
    return refuse(405, "Open the sign-in link from your email and press Sign in.", { Allow: "POST" });
  }
  // next-auth checks a CSRF token on every POST but the sign-in link's: refuse that one from
  // other sites, so a page elsewhere cannot sign a visitor into the attacker's account.
  if (req.method === "POST" && !isSameOrigin(req.headers)) return refuse(403, "cross-site request refused");
  if (!(await isAcceptableBody(req))) return refuse(400, "bad request body");
  const response: Response = await NextAuth(req, ctx, getAuthOptions());
  return response;
}

export { handler as GET, handler as POST };
