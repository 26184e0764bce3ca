// Drives next-auth's core handler (what app/api/auth/[...nextauth]/route.ts wraps) with our
// options, without Next's request scope, plus a loopback SMTP sink wired into getEnv().
import NextAuth from "next-auth";
import { decode } from "next-auth/jwt";
import { beforeAll } from "vitest";
import { getAuthOptions } from "../../lib/auth/auth-options";
import { getAuthSecret } from "../../lib/auth/secrets";
import { findSessionUser } from "../../lib/auth/session";
import type { User } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { useSmtpSink, type SmtpSink } from "../helpers/alerts";

export const SESSION_COOKIE = "next-auth.session-token";

export interface AuthRequest {
  method: "GET" | "POST";
  /** e.g. "callback", "csrf", "signin" */
  action: string;
  providerId?: string;
  query?: Record<string, string>;
  body?: Record<string, string>;
  cookies?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface AuthResponse {
  status: number;
  redirect?: string;
  cookies: { name: string; value: string }[];
  body: unknown;
}

/**
 * One request through next-auth with our options. The app serves next-auth from an app-router
 * route, whose glue needs Next's request scope; next-auth's pages-API entry runs the same core
 * with plain objects, so tests use that.
 */
export async function callAuth(req: AuthRequest): Promise<AuthResponse> {
  const headers = new Map<string, string | string[]>();
  const out: AuthResponse = { status: 200, cookies: [], body: undefined };
  const res = {
    status(code: number) {
      out.status = code;
      return res;
    },
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    setHeader(name: string, value: string | string[]) {
      headers.set(name.toLowerCase(), value);
      return res;
    },
    send(body: unknown) {
      out.body = body;
    },
    json(body: unknown) {
      out.body = body;
    },
    end() {},
  };
  const nextauth = [req.action, ...(req.providerId ? [req.providerId] : [])];
  await NextAuth(
    {
      method: req.method,
      query: { ...req.query, nextauth },
      body: req.body ?? {},
      cookies: req.cookies ?? {},
      headers: { host: "localhost:8000", ...req.headers },
    } as never,
    res as never,
    getAuthOptions(),
  );
  const location = headers.get("location");
  out.redirect = typeof location === "string" ? location : (out.body as { url?: string } | undefined)?.url;
  const setCookie = headers.get("set-cookie") ?? [];
  for (const line of Array.isArray(setCookie) ? setCookie : [setCookie]) {
    const pair = line.split(";")[0];
    const eq = pair.indexOf("=");
    if (eq > 0) out.cookies.push({ name: pair.slice(0, eq).trim(), value: decodeURIComponent(pair.slice(eq + 1).trim()) });
  }
  return out;
}

/** The session cookie a response set, if any (empty = cleared). */
export function sessionCookieOf(res: AuthResponse): string | undefined {
  return res.cookies.find((c) => c.name === SESSION_COOKIE)?.value || undefined;
}

/** The user a session cookie stands for right now (as getCurrentUser would decide). */
export async function userOfSession(cookie: string): Promise<User | null> {
  const token = await decode({ token: cookie, secret: getAuthSecret() });
  return token ? findSessionUser(token) : null;
}

/** A password sign-in through the "password" provider, with the CSRF round trip it requires. */
export async function signInWithPassword(email: string, password: string, ip = "192.0.2.1"): Promise<AuthResponse> {
  const csrf = await callAuth({ method: "GET", action: "csrf" });
  const csrfCookie = csrf.cookies.find((c) => c.name === "next-auth.csrf-token")?.value ?? "";
  const csrfToken = (csrf.body as { csrfToken: string }).csrfToken;
  return callAuth({
    method: "POST",
    action: "callback",
    providerId: "password",
    cookies: { "next-auth.csrf-token": csrfCookie },
    headers: { host: "localhost:8000", "x-forwarded-for": ip },
    body: { csrfToken, email, password, json: "true" },
  });
}

/** next-auth's ?error= code in a redirect, or null. */
export function errorOf(res: AuthResponse): string | null {
  return res.redirect ? new URL(res.redirect, "http://localhost:8000").searchParams.get("error") : null;
}

/** Registers useSmtpSink's hooks and points outgoing mail at the sink (call inside forEachDatabase). */
export function useMailSink(): SmtpSink {
  const sink = useSmtpSink();
  beforeAll(() => {
    setEnv({ EMAIL_HOST: "127.0.0.1", EMAIL_PORT: String(sink.port), EMAIL_USE_TLS: "False", EMAIL_USE_SSL: "False", SITE_ROOT: "http://localhost:8000" });
  });
  return sink;
}

/** The token of a link like http://localhost:8000/accounts/check-token/<token>?next=... */
export function tokenOfLink(link: string, prefix: string): string {
  const url = new URL(link);
  if (!url.pathname.startsWith(prefix)) throw new Error(`unexpected link ${link}`);
  return url.pathname.slice(prefix.length);
}
