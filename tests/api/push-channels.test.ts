// POST /api/v3/channels/ for the push and incident kinds (ntfy, po, pd, opsgenie, gotify,
// victorops, pagertree, spike, pushbullet): each stored config as Healthchecks defines it, defaults filled in, and
// a clear message for each mistake.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { call, createFixture, type Fixture } from "./fixtures";

const USER_KEY = "uQiRzpo4DXghDmr9QzzfQu27cmVRsG";

forEachDatabase(() => {
  let fx: Fixture;
  beforeAll(() => {
    setEnv({ PUSHOVER_API_TOKEN: "app-token" });
  });
  afterAll(() => {
    setEnv({ PUSHOVER_API_TOKEN: undefined });
  });
  beforeEach(async () => {
    await resetDatabase();
    fx = await createFixture();
  });

  const post = (body: unknown) => call("POST", "/api/v3/channels/", { key: fx.rwKey, body });
  const stored = async (res: Response) => {
    expect(res.status).toBe(201);
    const doc = (await res.json()) as { id: string };
    return JSON.parse((await getDb().channel.findUniqueOrThrow({ where: { code: doc.id } })).config) as unknown;
  };
  const error = async (kind: string, config: unknown) => {
    const res = await post({ kind, config });
    expect(res.status).toBe(400);
    return ((await res.json()) as { error: string }).error;
  };

  describe("creating push and incident channels", () => {
    test("ntfy: stores topic, server, priorities and token with defaults", async () => {
      expect(await stored(await post({ kind: "ntfy", config: { topic: "ops" } }))).toEqual({
        topic: "ops",
        url: "https://ntfy.sh",
        priority: 3,
        priority_up: 3,
        token: "",
      });
      const full = { topic: "ops_1", url: "https://ntfy.example.org/", priority: 5, priority_up: 0, token: "tk_x" };
      expect(await stored(await post({ kind: "ntfy", config: full }))).toEqual({ ...full, url: "https://ntfy.example.org" });
      expect(await error("ntfy", { topic: "" })).toBe("invalid ntfy config: topic must not be empty");
      expect(await error("ntfy", { topic: "a b" })).toBe("invalid ntfy config: topic may contain only letters, digits, - and _");
      expect(await error("ntfy", { topic: "x".repeat(65) })).toBe("invalid ntfy config: topic must be at most 64 characters");
      expect(await error("ntfy", { topic: "ops", priority: 6 })).toBe("invalid ntfy config: priority must be a whole number from 0 to 5");
      expect(await error("ntfy", { topic: "ops", url: "ftp://x" })).toBe("invalid ntfy config: url must be an http or https URL");
      expect(await error("ntfy", { topic: "ops", server: "x" })).toBe("invalid ntfy config: unexpected key server");
    });

    test("po: stores \"<user key>|<prio>|<prio_up>\" as {value}", async () => {
      expect(await stored(await post({ kind: "po", config: `${USER_KEY}|2|-1` }))).toEqual({ value: `${USER_KEY}|2|-1` });
      expect(await stored(await post({ kind: "po", config: { value: `${USER_KEY}|0` } }))).toEqual({ value: `${USER_KEY}|0|0` });
      expect(await error("po", "short|0|0")).toBe(
        "invalid po config: value must start with a Pushover user or group key (30 letters and digits)",
      );
      expect(await error("po", `${USER_KEY}|3|0`)).toBe(
        'invalid po config: value must be "<user key>|<priority>|<priority for up>" with priorities from -3 to 2',
      );
      expect(await error("po", { user: USER_KEY })).toBe(
        'invalid po config: config must be "<user key>|<priority>|<priority for up>" or {"value": ...}',
      );
    });

    test("po: refused when PUSHOVER_API_TOKEN is not set", async () => {
      setEnv({ PUSHOVER_API_TOKEN: undefined });
      try {
        expect(await error("po", `${USER_KEY}|0|0`)).toBe("po integrations are disabled");
      } finally {
        setEnv({ PUSHOVER_API_TOKEN: "app-token" });
      }
    });

    test("pd: a service key, {value} or {service_key, account}", async () => {
      const key = "e93facc04764012d7bfb002500d5d1a6";
      expect(await stored(await post({ kind: "pd", config: key }))).toEqual({ service_key: key, account: "" });
      expect(await stored(await post({ kind: "pd", config: { value: key } }))).toEqual({ service_key: key, account: "" });
      expect(await stored(await post({ kind: "pd", config: { service_key: key, account: "acme" } }))).toEqual({ service_key: key, account: "acme" });
      expect(await error("pd", "x".repeat(33))).toBe("invalid pd config: service_key must be at most 32 characters");
      expect(await error("pd", "")).toBe("invalid pd config: service_key must not be empty");
    });

    test("opsgenie: key and region, us by default", async () => {
      expect(await stored(await post({ kind: "opsgenie", config: { key: "abc-123" } }))).toEqual({ key: "abc-123", region: "us" });
      expect(await stored(await post({ kind: "opsgenie", config: { key: "abc", region: "eu" } }))).toEqual({ key: "abc", region: "eu" });
      expect(await error("opsgenie", { key: "abc", region: "asia" })).toBe('invalid opsgenie config: region must be "us" or "eu"');
      expect(await error("opsgenie", { key: "" })).toBe("invalid opsgenie config: key must not be empty");
    });

    test("gotify: server URL, token and priorities", async () => {
      expect(await stored(await post({ kind: "gotify", config: { url: "https://push.example.org/", token: "AbC.1" } }))).toEqual({
        url: "https://push.example.org",
        token: "AbC.1",
        priority: 5,
        priority_up: 5,
      });
      expect(await error("gotify", { url: "https://push.example.org", token: "t", priority_up: -1 })).toBe(
        "invalid gotify config: priority_up must be a whole number from 0 to 9",
      );
      expect(await error("gotify", { url: "https://push.example.org", token: "a b" })).toBe("invalid gotify config: token must not contain spaces");
    });

    test.each([
      ["victorops", "https://alert.victorops.com/integrations/generic/20131114/alert/key/routing"],
      ["pagertree", "https://api.pagertree.com/integration/int_xyz"],
      ["spike", "https://hooks.spike.sh/abc/push-events"],
    ])("%s: a webhook URL is stored as {value}", async (kind, url) => {
      expect(await stored(await post({ kind, config: url }))).toEqual({ value: url });
      expect(await error(kind, { value: "ftp://x" })).toBe(`invalid ${kind} config: value must be an http or https URL`);
    });

    test("pushbullet: an access token stored as {value}", async () => {
      expect(await stored(await post({ kind: "pushbullet", config: "o.abc" }))).toEqual({ value: "o.abc" });
      expect(await error("pushbullet", "")).toBe("invalid pushbullet config: value must not be empty");
    });
  });
});
