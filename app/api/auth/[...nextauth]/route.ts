import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { isSameOrigin } from "@/lib/auth/is-same-origin";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per request: they read the configuration (getEnv), which may change.
async function handler(req: NextRequest, ctx: Context): Promise<Response> {
  // next-auth checks a CSRF token on every POST but the sign-in link's: refuse that one from
  // other sites, so a page elsewhere cannot sign a visitor into the attacker's account.
  if (req.method === "POST" && !isSameOrigin(req.headers)) return new Response("cross-site request refused", { status: 403 });
  const response: Response = await NextAuth(req, ctx, getAuthOptions());
  return response;
}

export { handler as GET, handler as POST };
