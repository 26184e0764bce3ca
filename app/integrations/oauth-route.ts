// Route glue of the "Add to <service>" OAuth setup flows (lib/channels/oauth-setup.ts): the
// button's GET sets the signed state cookie and redirects to the service; the callback's GET
// finishes the flow and redirects to the integrations page (saved) or the add page (why not).
import { userActor } from "@/lib/auth/actor";
import { getCurrentUser } from "@/lib/auth/session";
import { completeOAuthSetup, startOAuthSetup } from "@/lib/channels/oauth-setup";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getOAuthCookieName, OAUTH_STATE_MAX_AGE_SECONDS } from "@/lib/integrations/oauth";
import { getKindLabel } from "@/lib/integrations/registry";

const NO_STORE = "no-store";

function redirect(location: string, cookie?: string): Response {
  const headers = new Headers({ Location: location, "Cache-Control": NO_STORE });
  if (cookie) headers.append("Set-Cookie", cookie);
  return new Response(null, { status: 303, headers });
}

function text(status: number, body: string): Response {
  return new Response(`${body}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": NO_STORE } });
}

function stateCookie(kind: string, value: string, maxAge: number): string {
  const secure = getEnv().siteRoot.startsWith("https:") ? "; Secure" : "";
  // Lax: the callback is a top-level navigation coming back from the service's site.
  return `${getOAuthCookieName(kind)}=${value}; Path=/integrations/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
}

function readCookie(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return null;
}

function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  return redirect(`/accounts/login?${new URLSearchParams({ next: `${url.pathname}${url.search}` })}`);
}

function appErrorResponse(err: unknown): Response {
  if (err instanceof AppError) return text(err.status, err.code === "forbidden" ? "Forbidden" : "Not found");
  throw err;
}

export async function startOAuthRoute(kind: string, request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return loginRedirect(request);
  const project = new URL(request.url).searchParams.get("project") ?? "";
  try {
    const { authorizeUrl, cookieValue } = await startOAuthSetup({ actor: userActor(user.id), kind, projectCode: project });
    return redirect(authorizeUrl, stateCookie(kind, cookieValue, OAUTH_STATE_MAX_AGE_SECONDS));
  } catch (err) {
    return appErrorResponse(err);
  }
}

export async function completeOAuthRoute(kind: string, request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return loginRedirect(request);
  const query = new URL(request.url).searchParams;
  const clear = stateCookie(kind, "", 0);
  try {
    const cookieValue = readCookie(request, getOAuthCookieName(kind));
    const result = await completeOAuthSetup({ actor: userActor(user.id), kind, query, cookieValue });
    if (result.ok) return redirect(`/projects/${result.projectCode}/integrations?saved=${encodeURIComponent(result.channel.code)}`, clear);
    if (result.projectCode) {
      return redirect(`/projects/${result.projectCode}/integrations/add/${kind}?${new URLSearchParams({ oauth_error: result.error })}`, clear);
    }
    return text(400, `The ${getKindLabel(kind)} setup link expired or is not valid. Start again from the project's Integrations page.`);
  } catch (err) {
    return appErrorResponse(err);
  }
}
