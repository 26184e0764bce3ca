// The setup forms of zulip, matrix and shell (components/integrations/other-settings-kinds.ts):
// what the integrations list shows, which field an error lands on, and when each is offered.
import { describe, expect, test } from "vitest";
import { parseEnv } from "../../lib/env";
import { getConfigErrors as getSchemaErrors, getDefaultFormValues as getDefaultSettings } from "../../lib/integrations/forms";
import { getKind, getKindLabel, isKindEnabled as isChannelKindEnabled, summarizeChannel as getChannelSummary } from "../../lib/integrations/registry";
import { CHANNEL_KINDS, getSettingsKind, hasKindForm } from "./helpers";

const getConfigErrors = (kind: string, config: unknown) => getSchemaErrors(getKind(kind)!.configSchema, config);

const summary = (kind: string, values: Record<string, string>) => {
  const settings = getSettingsKind(kind)!;
  return getChannelSummary(kind, JSON.stringify(CHANNEL_KINDS[kind].schema.parse(settings.toConfig({ ...getDefaultSettings(settings), ...values }))));
};

describe("zulip, matrix and shell forms", () => {
  test("have forms and labels", () => {
    for (const kind of ["zulip", "matrix", "shell", "group", "signal"]) expect(hasKindForm(kind)).toBe(true);
    expect(getKindLabel("shell")).toBe("Shell Command");
    expect(getDefaultSettings(getSettingsKind("zulip")!).mtype).toBe("stream");
  });

  test("the integrations list shows the destination, never the API key", () => {
    const zulip = { bot_email: "bot@example.zulipchat.com", api_key: "abc123", site: "https://example.zulipchat.com", to: "ops" };
    expect(summary("zulip", zulip)).toEqual(["Stream ops"]);
    expect(summary("zulip", { ...zulip, topic: "Backups" })).toEqual(["Stream ops, topic Backups"]);
    expect(summary("zulip", { ...zulip, mtype: "private", to: "ann@example.org" })).toEqual(["Private message to ann@example.org"]);
    expect(summary("matrix", { value: "!room:example.org" })).toEqual(["!room:example.org"]);
    expect(summary("shell", { cmd_down: "page $NAME", cmd_up: "true" })).toEqual(["Down: page $NAME", "Up: true"]);
    const A = "4ec65fb4-0a2f-4c94-9a8c-2fb0e0ef0cbc";
    expect(summary("signal", { value: "alice.01" })).toEqual(["alice.01 (down and up)"]);
    expect(summary("signal", { value: "+15551234567", up: "" })).toEqual(["+15551234567 (down only)"]);
    expect(summary("group", { channels: `${A.toUpperCase()}, ${A}` })).toEqual(["1 integration"]);
  });

  test("an empty shell form shows its error on the down command", () => {
    const shell = getSettingsKind("shell")!;
    const errors = getConfigErrors("shell", shell.toConfig({ cmd_down: "", cmd_up: "" }));
    expect(errors).toEqual({ "": "needs cmd_down or cmd_up" });
    expect(shell.errorFields?.[""]).toBe("cmd_down");
  });

  test("matrix needs all of MATRIX_*, shell needs SHELL_ENABLED=True, zulip is on unless ZULIP_ENABLED=False", () => {
    const matrix = { MATRIX_HOMESERVER: "https://matrix.example.org", MATRIX_USER_ID: "@v:example.org", MATRIX_ACCESS_TOKEN: "x" };
    expect(isChannelKindEnabled("matrix", parseEnv({}))).toBe(false);
    expect(isChannelKindEnabled("matrix", parseEnv({ ...matrix, MATRIX_ACCESS_TOKEN: "" }))).toBe(false);
    expect(isChannelKindEnabled("matrix", parseEnv(matrix))).toBe(true);
    expect(isChannelKindEnabled("shell", parseEnv({}))).toBe(false);
    expect(isChannelKindEnabled("shell", parseEnv({ SHELL_ENABLED: "True" }))).toBe(true);
    expect(isChannelKindEnabled("zulip", parseEnv({}))).toBe(true);
    expect(isChannelKindEnabled("zulip", parseEnv({ ZULIP_ENABLED: "False" }))).toBe(false);
    expect(isChannelKindEnabled("signal", parseEnv({}))).toBe(false);
    expect(isChannelKindEnabled("signal", parseEnv({ SIGNAL_CLI_SOCKET: "/run/signal-cli/socket" }))).toBe(true);
  });
});
