// next-auth 4 configuration. Sessions are JWTs carrying the user id (uid) and the user's
// session version (sv); getCurrentUser rejects a token whose sv is stale. Three ways in:
// - "email": the magic link. Links are made by createLoginLink (our sign-in/sign-up actions
//   apply the rate limits); next-auth's own link-request endpoint is refused. The link's page
//   POSTs to /api/auth/callback/email, which uses the token up via the adapter.
// - "password": email + password (authorizePassword).
// - "second-factor": completes either of the above for users with TOTP enabled, within
//   5 minutes of the first factor (completeSecondFactor).
import type { AuthOptions, User as AuthUser } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import { getDb } from "../db";
import { getEnv } from "../env";
import { createAdapter } from "./adapter";
import { deleteSetupLinks, LOGIN_LINK_TTL_SECONDS } from "./login-links";
import { getClientIp, safeNextPath } from "./request-trust";
import { getAuthSecret } from "./secrets";
import { authorizePassword, completeSecondFactor, createPendingSignIn } from "./sign-in";
import { SIGN_IN_ERRORS, TWO_FACTOR_REQUIRED } from "./sign-in-errors";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;

function field(credentials: Record<string, string> | undefined, name: string): string {
  const v = credentials?.[name];
  return typeof v === "string" ? v : "";
}

function toAuthUser(user: { id: number; email: string }): AuthUser {
  return { id: String(user.id), email: user.email };
}

export function getAuthOptions(): AuthOptions {
  const env = getEnv();
  const siteRoot = env.siteRoot;
  const siteOrigin = new URL(siteRoot).origin;

  return {
    secret: getAuthSecret(),
    // next-auth would decide from NEXTAUTH_URL; SITE_ROOT is our one source of truth.
    useSecureCookies: siteRoot.startsWith("https://"),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    adapter: createAdapter(),
    pages: { signIn: "/accounts/login", error: "/accounts/login", verifyRequest: "/accounts/login?check_email=1" },
    providers: [
      EmailProvider({
        maxAge: LOGIN_LINK_TTL_SECONDS,
        // Never called: the signIn callback refuses next-auth's own link requests.
        sendVerificationRequest: async () => {
          throw new Error("sign-in links are sent by Vigil's sign-in form");
        },
      }),
      CredentialsProvider({
        id: "password",
        name: "Password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const ip = getClientIp(new Headers(req.headers as Record<string, string> | undefined));
          const result = await authorizePassword({ email: field(credentials, "email"), password: field(credentials, "password"), ip });
          if (result.kind === "signed_in") return toAuthUser(result.user);
          if (result.kind === "second_factor") throw new Error(`${TWO_FACTOR_REQUIRED}${result.token}`);
          throw new Error(SIGN_IN_ERRORS[result.error]);
        },
      }),
      CredentialsProvider({
        id: "second-factor",
        name: "Two-factor code",
        credentials: { token: { type: "hidden" }, code: { label: "Code", type: "text" } },
        async authorize(credentials) {
          if (env.remoteUserHeader) throw new Error(SIGN_IN_ERRORS.disabled);
          const result = await completeSecondFactor(field(credentials, "token"), field(credentials, "code"));
          if (result.ok) return toAuthUser(result.user);
          throw new Error(SIGN_IN_ERRORS[result.reason === "invalid" ? "invalid_code" : result.reason]);
        },
      }),
    ],
    callbacks: {
      async signIn({ user, account, email }) {
        if (account?.provider !== "email") return true;
        // Link requests must go through our forms, which apply the rate limits.
        if (email?.verificationRequest || env.remoteUserHeader) return false;
        const dbUser = user.email ? await getDb().user.findUnique({ where: { email: user.email } }) : null;
        if (!dbUser) return false;
        if (!dbUser.totpSecret) return true;
        const token = await createPendingSignIn(dbUser);
        return `${siteRoot}/accounts/login/two-factor?${new URLSearchParams({ token })}`;
      },
      async jwt({ token, user }) {
        // `user` is present only when the session is created.
        if (user) {
          const dbUser = await getDb().user.findUnique({ where: { id: Number(user.id) } });
          if (dbUser) {
            token.uid = dbUser.id;
            token.sv = dbUser.sessionVersion;
          }
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv };
      },
      // Only paths on this site; answered as absolute URLs (next-auth's client parses them).
      redirect({ url }) {
        let path: string | null = null;
        if (url.startsWith("/")) path = safeNextPath(url);
        else if (URL.canParse(url) && new URL(url).origin === siteOrigin) {
          const parsed = new URL(url);
          path = parsed.pathname + parsed.search;
        }
        return `${siteOrigin}${path ?? "/"}`;
      },
    },
    events: {
      // lastLoginAt also marks that the account has signed in, which ends its set-up links.
      async signIn({ user }) {
        const userId = Number(user.id);
        await getDb().user.updateMany({ where: { id: userId }, data: { lastLoginAt: new Date() } });
        await deleteSetupLinks(userId);
      },
    },
  };
}
