import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { getDb } from "../db";
import { setEnv } from "../env";
import { AppError } from "../errors";
import { forEachDatabase, resetDatabase } from "../../tests/helpers/databases";
import { useHttpSink, type HttpSink } from "../../tests/helpers/alerts";
import { createCheck, createFixtures } from "../../tests/fixtures";
import { userActor } from "../auth/actor";
import { getEnv } from "../env";
import { getOAuthRedirectUri, OAUTH_STATE_MAX_AGE_SECONDS, readOAuthState, signOAuthState } from "../integrations/oauth";
import { getKind } from "../integrations/registry";
import { completeOAuthSetup as complete, getOAuthProvider, startOAuthSetup as start0 } from "./oauth-setup";

type OAuthKind = "slack" | "discord";

/** The authorize URL the flow of `kind` sends the browser to for `state`. */
function buildAuthorizeUrl(kind: OAuthKind, state: string): string {
  return getKind(kind)!.oauth!.getAuthorizeUrl(state, getOAuthRedirectUri(kind), getEnv());
}

const isOAuthEnabled = (kind: OAuthKind) => getOAuthProvider(kind) !== null;

function startOAuthSetup(userId: number, kind: OAuthKind, projectCode: string, now?: Date) {
  return start0({ actor: userActor(userId), kind, projectCode, now });
}

function completeOAuthSetup(userId: number, kind: OAuthKind, query: URLSearchParams, cookieValue: string | null | undefined) {
  return complete({ actor: userActor(userId), kind, query, cookieValue });
}

const OAUTH_ENV = {
  SITE_ROOT: "https://vigil.example.org",
  SLACK_CLIENT_ID: "slack-id",
  SLACK_CLIENT_SECRET: "slack-secret",
  DISCORD_CLIENT_ID: "discord-id",
  DISCORD_CLIENT_SECRET: "discord-secret",
};

function json(sink: HttpSink, status: number, body: unknown): void {
  sink.respond = (_req, res) => {
    res.statusCode = status;
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify(body));
  };
}

forEachDatabase(
  () => {
    const sink = useHttpSink();
    let fx: Awaited<ReturnType<typeof createFixtures>>;
    let checkId: number;

    beforeAll(() => {
      setEnv({ ...OAUTH_ENV, SLACK_API_URL: `${sink.url}/api`, DISCORD_API_URL: `${sink.url}/dapi` });
    });
    afterAll(() => {
      setEnv(Object.fromEntries(Object.keys({ ...OAUTH_ENV, SLACK_API_URL: "", DISCORD_API_URL: "" }).map((k) => [k, undefined])));
    });
    beforeEach(async () => {
      await resetDatabase();
      fx = await createFixtures();
      checkId = (await createCheck(fx.project.id, { name: "DB Backup" })).id;
    });

    /** Starts the flow as alice and returns the cookie value and the state sent to the service. */
    async function start(kind: OAuthKind, now = new Date()) {
      const { authorizeUrl, cookieValue } = await startOAuthSetup(fx.alice.id, kind, fx.project.code, now);
      const state = new URL(authorizeUrl).searchParams.get("state")!;
      return { authorizeUrl, cookieValue, state };
    }

    const form = (i: number) => Object.fromEntries(new URLSearchParams(sink.requests[i].body.toString("utf8")));

    describe("authorize URLs", () => {
      test("Slack: incoming-webhook scope, client id, state and the registered redirect URI", () => {
        expect(buildAuthorizeUrl("slack", "s1")).toBe(
          "https://slack.com/oauth/v2/authorize?scope=incoming-webhook&client_id=slack-id&state=s1" +
            "&redirect_uri=https%3A%2F%2Fvigil.example.org%2Fintegrations%2Fadd_slack_complete%2F",
        );
      });

      test("Discord: response_type=code, webhook.incoming scope", () => {
        expect(buildAuthorizeUrl("discord", "s2")).toBe(
          "https://discord.com/api/oauth2/authorize?response_type=code&scope=webhook.incoming&client_id=discord-id&state=s2" +
            "&redirect_uri=https%3A%2F%2Fvigil.example.org%2Fintegrations%2Fadd_discord_complete%2F",
        );
      });

      test("the button's state is random and matches the signed cookie", async () => {
        const a = await start("slack");
        const b = await start("slack");
        expect(a.state).not.toBe(b.state);
        expect(a.state.length).toBeGreaterThanOrEqual(20);
        expect(readOAuthState("slack", a.cookieValue)).toMatchObject({ kind: "slack", state: a.state, project: fx.project.code });
      });

      test("write access is required; unconfigured flows are not offered", async () => {
        await expect(startOAuthSetup(fx.charlie.id, "slack", fx.project.code)).rejects.toMatchObject({ code: "not_found" });
        await expect(startOAuthSetup(fx.bob.id, "slack", fx.project.code)).resolves.toBeTruthy();
        setEnv({ SLACK_CLIENT_SECRET: "" });
        try {
          expect(isOAuthEnabled("slack")).toBe(false);
          await expect(startOAuthSetup(fx.alice.id, "slack", fx.project.code)).rejects.toBeInstanceOf(AppError);
        } finally {
          setEnv({ SLACK_CLIENT_SECRET: OAUTH_ENV.SLACK_CLIENT_SECRET });
        }
      });
    });

    describe("state cookie", () => {
      test("tampered, unsigned, other-kind and expired cookies are refused", async () => {
        const now = new Date();
        const { cookieValue } = await start("slack", now);
        expect(readOAuthState("slack", cookieValue, now)).not.toBeNull();
        const [payload, sig] = cookieValue.split(".");
        const forged = Buffer.from(
          JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), project: fx.charliesProject.code }),
        ).toString("base64url");
        expect(readOAuthState("slack", `${forged}.${sig}`, now)).toBeNull();
        expect(readOAuthState("slack", payload, now)).toBeNull();
        expect(readOAuthState("slack", `${cookieValue}x`, now)).toBeNull();
        expect(readOAuthState("discord", cookieValue, now)).toBeNull();
        expect(readOAuthState("slack", cookieValue, new Date(now.getTime() + (OAUTH_STATE_MAX_AGE_SECONDS + 1) * 1000))).toBeNull();
        expect(readOAuthState("slack", null, now)).toBeNull();
      });

      test("a mismatched or missing state ends the flow without calling the service", async () => {
        const { cookieValue, state } = await start("slack");
        const wrong = await completeOAuthSetup(fx.alice.id, "slack", new URLSearchParams({ code: "c", state: `${state}x` }), cookieValue);
        expect(wrong).toEqual({ ok: false, projectCode: fx.project.code, error: "state" });
        const noCookie = await completeOAuthSetup(fx.alice.id, "slack", new URLSearchParams({ code: "c", state }), undefined);
        expect(noCookie).toEqual({ ok: false, projectCode: null, error: "state" });
        const expired = signOAuthState({ kind: "slack", state, project: fx.project.code, iat: Math.floor(Date.now() / 1000) - 3600 });
        expect(await completeOAuthSetup(fx.alice.id, "slack", new URLSearchParams({ code: "c", state }), expired)).toMatchObject({
          error: "state",
        });
        expect(sink.requests).toHaveLength(0);
        expect(await getDb().channel.count()).toBe(0);
      });
    });

    describe("Slack", () => {
      test("exchanges the code at oauth.v2.access and stores incoming_webhook and team_name", async () => {
        const hook = {
          channel: "#alerts",
          channel_id: "C123",
          configuration_url: "https://example.slack.com/services/B123",
          url: "https://hooks.slack.com/services/T1/B1/xyz",
        };
        json(sink, 200, { ok: true, access_token: "xoxb-1", team: { id: "T1", name: "Acme" }, incoming_webhook: hook });
        const { cookieValue, state } = await start("slack");
        const result = await completeOAuthSetup(fx.alice.id, "slack", new URLSearchParams({ code: "the-code", state }), cookieValue);

        expect(sink.requests).toHaveLength(1);
        const req = sink.requests[0];
        expect(req.method).toBe("POST");
        expect(req.url).toBe("/api/oauth.v2.access");
        expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded");
        expect(form(0)).toEqual({
          client_id: "slack-id",
          client_secret: "slack-secret",
          code: "the-code",
          redirect_uri: "https://vigil.example.org/integrations/add_slack_complete/",
        });

        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.projectCode).toBe(fx.project.code);
        const channel = await getDb().channel.findUniqueOrThrow({ where: { id: result.channel.id }, include: { checks: true } });
        expect(channel.kind).toBe("slack");
        expect(channel.projectId).toBe(fx.project.id);
        expect(JSON.parse(channel.config)).toEqual({ incoming_webhook: hook, team_name: "Acme" });
        expect(channel.checks.map((c) => c.checkId)).toEqual([checkId]);
      });

      test("denied in Slack: nothing is exchanged or stored", async () => {
        const { cookieValue, state } = await start("slack");
        const result = await completeOAuthSetup(fx.alice.id, "slack", new URLSearchParams({ error: "access_denied", state }), cookieValue);
        expect(result).toEqual({ ok: false, projectCode: fx.project.code, error: "denied" });
        expect(sink.requests).toHaveLength(0);
      });

      test('"ok": false, a non-JSON answer and an HTTP error are exchange errors', async () => {
        for (const respond of [
          () => json(sink, 200, { ok: false, error: "invalid_code" }),
          () => (sink.respond = (_req, res) => res.end("<html>")),
          () => json(sink, 500, { ok: false }),
          () => json(sink, 200, { ok: true, incoming_webhook: { url: "not a url" } }),
        ]) {
          respond();
          const { cookieValue, state } = await start("slack");
          const result = await completeOAuthSetup(fx.alice.id, "slack", new URLSearchParams({ code: "c", state }), cookieValue);
          expect(result).toMatchObject({ ok: false, projectCode: fx.project.code, error: "exchange" });
        }
        expect(await getDb().channel.count()).toBe(0);
      });

      test("a user who lost write access cannot finish the flow", async () => {
        const { cookieValue, state } = await start("slack");
        await expect(
          completeOAuthSetup(fx.charlie.id, "slack", new URLSearchParams({ code: "c", state }), cookieValue),
        ).rejects.toMatchObject({ code: "not_found" });
        expect(sink.requests).toHaveLength(0);
      });
    });

    describe("Discord", () => {
      test("exchanges the code at oauth2/token and stores the webhook", async () => {
        const webhook = {
          id: "123",
          token: "tok",
          name: "Vigil",
          channel_id: "456",
          guild_id: "789",
          url: "https://discord.com/api/webhooks/123/tok",
        };
        json(sink, 200, { access_token: "a", token_type: "Bearer", scope: "webhook.incoming", webhook });
        const { cookieValue, state } = await start("discord");
        const result = await completeOAuthSetup(fx.alice.id, "discord", new URLSearchParams({ code: "dc", state }), cookieValue);

        const req = sink.requests[0];
        expect(sink.requests).toHaveLength(1);
        expect(req.method).toBe("POST");
        expect(req.url).toBe("/dapi/oauth2/token");
        expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded");
        expect(form(0)).toEqual({
          client_id: "discord-id",
          client_secret: "discord-secret",
          grant_type: "authorization_code",
          code: "dc",
          redirect_uri: "https://vigil.example.org/integrations/add_discord_complete/",
        });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const channel = await getDb().channel.findUniqueOrThrow({ where: { id: result.channel.id } });
        expect(channel.kind).toBe("discord");
        expect(JSON.parse(channel.config)).toEqual({ webhook });
      });

      test("an error answer or one without a webhook is an exchange error", async () => {
        for (const respond of [
          () => json(sink, 400, { error: "invalid_grant" }),
          () => json(sink, 200, { access_token: "a" }),
        ]) {
          respond();
          const { cookieValue, state } = await start("discord");
          const result = await completeOAuthSetup(fx.alice.id, "discord", new URLSearchParams({ code: "c", state }), cookieValue);
          expect(result).toMatchObject({ ok: false, projectCode: fx.project.code, error: "exchange" });
        }
        expect(await getDb().channel.count()).toBe(0);
      });

      test("a Slack cookie does not complete a Discord flow", async () => {
        const { cookieValue, state } = await start("slack");
        const result = await completeOAuthSetup(fx.alice.id, "discord", new URLSearchParams({ code: "c", state }), cookieValue);
        expect(result).toMatchObject({ ok: false, error: "state", projectCode: null });
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
