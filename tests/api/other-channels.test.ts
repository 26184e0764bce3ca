// POST /api/v3/channels/ for zulip, matrix and shell: each stored config as Healthchecks defines it, defaults
// filled in, a clear message for each mistake, and the kinds the server has turned off refused.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { call, createFixture, insertChannel, type Fixture } from "./fixtures";

const MATRIX_OFF = { MATRIX_HOMESERVER: undefined, MATRIX_USER_ID: undefined, MATRIX_ACCESS_TOKEN: undefined };

forEachDatabase(() => {
  let fx: Fixture;
  beforeEach(async () => {
    await resetDatabase();
    fx = await createFixture();
  });
  afterEach(() => {
    setEnv({ ...MATRIX_OFF, SHELL_ENABLED: undefined, ZULIP_ENABLED: undefined, SIGNAL_CLI_SOCKET: undefined });
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

  describe("creating zulip, matrix and shell channels", () => {
    test("signal: stores a phone number or username with up/down flags, only with SIGNAL_CLI_SOCKET", async () => {
      expect(await error("signal", "+15551234567")).toBe("signal integrations are disabled");
      setEnv({ SIGNAL_CLI_SOCKET: "127.0.0.1:7583" });
      expect(await stored(await post({ kind: "signal", config: "+1 555-123-4567" }))).toEqual({ value: "+15551234567", up: true, down: true });
      expect(await stored(await post({ kind: "signal", config: { value: "alice.01", up: false } }))).toEqual({ value: "alice.01", up: false, down: true });
      expect(await error("signal", "alice")).toBe(
        "invalid signal config: value must be a phone number in international format (+15551234567) or a Signal username (name.01)",
      );
      expect(await error("signal", { value: "alice.01", up: false, down: false })).toBe("invalid signal config: config must notify on up, down or both");
    });

    test("group: stores the member channel UUIDs, comma-separated", async () => {
      // Members must be channels of the project (tests/api/group-channels.test.ts has the rest).
      const A = (await insertChannel(fx.project.id)).code;
      const B = (await insertChannel(fx.project.id)).code;
      expect(await stored(await post({ kind: "group", config: `${A}, ${B.toUpperCase()},${A}` }))).toEqual({ value: `${A},${B}` });
      expect(await stored(await post({ kind: "group", config: { value: B } }))).toEqual({ value: B });
      expect(await error("group", "")).toBe("invalid group config: value must list at least one channel");
      expect(await error("group", `${A},nope`)).toBe("invalid group config: value has an invalid channel UUID: nope");
      expect(await error("group", { value: A, extra: 1 })).toBe('invalid group config: config must be comma-separated channel UUIDs or {"value": ...}');
    });

    test("zulip: stores the bot, destination and server, with stream and an empty topic by default", async () => {
      const base = { bot_email: "bot@example.zulipchat.com", api_key: "abc123", to: "ops", site: "https://example.zulipchat.com/" };
      expect(await stored(await post({ kind: "zulip", config: base }))).toEqual({
        ...base,
        mtype: "stream",
        site: "https://example.zulipchat.com",
        topic: "",
      });
      expect(await error("zulip", { ...base, mtype: "dm" })).toBe('invalid zulip config: mtype must be "stream" or "private"');
      expect(await error("zulip", { ...base, bot_email: "bot" })).toBe("invalid zulip config: bot_email must be an email address");
      expect(await error("zulip", { ...base, to: "" })).toBe("invalid zulip config: to must not be empty");
      expect(await error("zulip", { ...base, site: "example.org" })).toBe("invalid zulip config: site must be an http or https URL");
      expect(await error("zulip", { ...base, api_key: "a b" })).toBe("invalid zulip config: api_key must not contain spaces");
      setEnv({ ZULIP_ENABLED: "False" });
      expect(await error("zulip", base)).toBe("zulip integrations are disabled");
    });

    // Creating one joins the room: see tests/integrations/matrix-edit.test.ts.
    test("matrix: only when MATRIX_* are set, and only a room id or alias", async () => {
      expect(await error("matrix", "!room:example.org")).toBe("matrix integrations are disabled");
      setEnv({ MATRIX_HOMESERVER: "https://matrix.example.org", MATRIX_USER_ID: "@vigil:example.org", MATRIX_ACCESS_TOKEN: "syt_x" });
      expect(await error("matrix", "ops")).toBe("invalid matrix config: value must be a room id (!id:server) or alias (#name:server)");
    });

    test("shell: refused unless SHELL_ENABLED=True; commands up to 1000 characters", async () => {
      expect(await error("shell", { cmd_down: "true" })).toBe("shell integrations are disabled");
      setEnv({ SHELL_ENABLED: "True" });
      expect(await stored(await post({ kind: "shell", config: { cmd_down: "echo $NAME" } }))).toEqual({ cmd_down: "echo $NAME", cmd_up: "" });
      expect(await error("shell", { cmd_down: "x".repeat(1001) })).toBe("invalid shell config: cmd_down must be at most 1000 characters");
      expect(await error("shell", { cmd_down: "", cmd_up: "" })).toBe("invalid shell config: config needs cmd_down or cmd_up");
    });
  });
});
