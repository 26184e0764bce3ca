// POST /api/v3/channels/ for the chat kinds: each takes an incoming-webhook URL (plain, or
// {"value": url}); Slack and Discord also take their OAuth forms; bad URLs get clear messages.
import { beforeEach, describe, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { call, createFixture, type Fixture } from "./fixtures";

const KINDS = [
  ["slack", "https://hooks.slack.com/services/T0/B0/xyz"],
  ["mattermost", "https://chat.example.org/hooks/abc"],
  ["rocketchat", "https://rocket.example.org/hooks/abc/def"],
  ["discord", "https://discord.com/api/webhooks/1/tok"],
  ["msteamsw", "https://prod.westus.logic.azure.com/workflows/1/triggers/manual/paths/invoke?sig=s"],
  ["googlechat", "https://chat.googleapis.com/v1/spaces/A/messages?key=k&token=t"],
] as const;

forEachDatabase(() => {
  let fx: Fixture;
  beforeEach(async () => {
    await resetDatabase();
    fx = await createFixture();
  });

  const post = (body: unknown) => call("POST", "/api/v3/channels/", { key: fx.rwKey, body });
  const stored = async (res: Response) => {
    const doc = (await res.json()) as { id: string };
    return JSON.parse((await getDb().channel.findUniqueOrThrow({ where: { code: doc.id } })).config) as unknown;
  };

  describe("creating chat channels", () => {
    test.each(KINDS)("%s: a webhook URL is stored as {value}", async (kind, url) => {
      const res = await post({ kind, name: "Chat", config: url, checks: "*" });
      expect(res.status).toBe(201);
      expect(await res.clone().json()).toMatchObject({ name: "Chat", kind });
      expect(await stored(res)).toEqual({ value: url });
      const again = await post({ kind, config: { value: url } });
      expect(again.status).toBe(201);
      expect(await stored(again)).toEqual({ value: url });
    });

    test.each(KINDS)("%s: refuses a URL that is not http or https", async (kind) => {
      const res = await post({ kind, config: { value: "ftp://example.org/hook" } });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toBe(`invalid ${kind} config: value must be an http or https URL`);
    });

    test("explains empty, missing and mistyped values", async () => {
      const message = async (config: unknown) => ((await (await post({ kind: "mattermost", config })).json()) as { error: string }).error;
      expect(await message("")).toBe("invalid mattermost config: value must not be empty");
      expect(await message({ value: 5 })).toBe("invalid mattermost config: value must be a string");
      expect(await message({ url: "https://x" })).toBe(
        'invalid mattermost config: config has unexpected key url; it must be a webhook URL or {"value": url}',
      );
      expect(await message(["https://x"])).toBe('invalid mattermost config: config must be a webhook URL or {"value": url}');
      expect(await message(`https://example.org/${"x".repeat(1000)}`)).toBe("invalid mattermost config: value must be at most 1000 characters");
    });

    test("slack also takes the OAuth response, stored as given", async () => {
      const oauth = { ok: true, team_name: "Acme", incoming_webhook: { url: "https://hooks.slack.com/services/T/B/x", channel: "#ops" } };
      const res = await post({ kind: "slack", config: oauth });
      expect(res.status).toBe(201);
      expect(await stored(res)).toEqual(oauth);
      const bad = await post({ kind: "slack", config: { incoming_webhook: { channel: "#ops" } } });
      expect((await bad.json()).error).toBe("invalid slack config: incoming_webhook.url must be a string");
    });

    test("discord also takes the OAuth {webhook: {url}} form", async () => {
      const oauth = { webhook: { id: "1", token: "tok", url: "https://discord.com/api/webhooks/1/tok" } };
      const res = await post({ kind: "discord", config: oauth });
      expect(res.status).toBe(201);
      expect(await stored(res)).toEqual(oauth);
      const bad = await post({ kind: "discord", config: { webhook: "https://discord.com/api/webhooks/1/tok" } });
      expect((await bad.json()).error).toBe("invalid discord config: webhook must be an object");
    });

    test("the OAuth forms keep only their known string keys, however deeply the rest is nested", async () => {
      const url = "https://hooks.slack.com/services/T/B/x";
      const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
      // Built as text: JSON.stringify itself could not write these bodies.
      const slack = `{"kind":"slack","config":{"team_name":"Acme","incoming_webhook":{"url":"${url}","channel":${deep(200_000)}},"x":${deep(1000)}}}`;
      const res = await post(slack);
      expect(res.status).toBe(201);
      expect(await stored(res)).toEqual({ team_name: "Acme", incoming_webhook: { url } });

      const hook = "https://discord.com/api/webhooks/1/tok";
      const discord = `{"kind":"discord","config":{"webhook":{"url":"${hook}","id":"1","x":${"{\"a\":".repeat(100_000)}1${"}".repeat(100_000)}}}}`;
      const res2 = await post(discord);
      expect(res2.status).toBe(201);
      expect(await stored(res2)).toEqual({ webhook: { url: hook, id: "1" } });
    });

    test("SLACK_ENABLED=False refuses new Slack channels", async () => {
      setEnv({ SLACK_ENABLED: "False" });
      try {
        const res = await post({ kind: "slack", config: "https://hooks.slack.com/services/T/B/x" });
        expect(res.status).toBe(400);
        expect((await res.json()).error).toBe("slack integrations are disabled");
      } finally {
        setEnv({ SLACK_ENABLED: undefined });
      }
    });
  });
});
