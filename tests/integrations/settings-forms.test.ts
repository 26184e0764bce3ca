// The setup forms of the push and incident kinds (components/integrations/settings-kinds.ts):
// filled-in forms produce configs the API accepts, stored configs fill the edit form back in,
// and the integrations list never shows a key or token in full.
import { describe, expect, test } from "vitest";
import { getConfigErrors as getSchemaErrors, getDefaultFormValues } from "../../lib/integrations/forms";
import { getKind, getKindLabel, summarizeChannel as getChannelSummary } from "../../lib/integrations/registry";
import { CHANNEL_KINDS, getSettingsKind, hasKindForm } from "./helpers";

const getConfigErrors = (kind: string, config: unknown) => getSchemaErrors(getKind(kind)!.configSchema, config);
const getDefaultSettings = getDefaultFormValues;

const USER_KEY = "uQiRzpo4DXghDmr9QzzfQu27cmVRsG";
const FILLED: Record<string, Record<string, string>> = {
  ntfy: { topic: "ops", token: "tk_secret" },
  po: { user_key: USER_KEY, priority: "2", priority_up: "-1" },
  pd: { service_key: "e93facc04764012d7bfb002500d5d1a6" },
  opsgenie: { key: "genie-secret", region: "eu" },
  gotify: { url: "https://gotify.example.org", token: "AbCdEf" },
  pushbullet: { value: "o.secret-token" },
  sms: { value: "+15551234567" },
  whatsapp: { value: "+15551234567", up: "" },
  call: { value: "+15551234567" },
  zulip: { bot_email: "bot@example.zulipchat.com", api_key: "abc123", site: "https://example.zulipchat.com", to: "ops", topic: "Backups" },
  matrix: { value: "!room:example.org" },
  shell: { cmd_down: "notify-send $NAME", cmd_up: "" },
  signal: { value: "+15551234567", up: "" },
  group: { channels: "4ec65fb4-0a2f-4c94-9a8c-2fb0e0ef0cbc,9f4e0d27-5b1a-4c3e-8d2f-1a2b3c4d5e6f" },
};

describe("settings forms", () => {
  test.each(Object.keys(FILLED).map((kind) => [kind]))("%s: a filled-in form is valid and round-trips through the stored config", (kind) => {
    const settings = getSettingsKind(kind)!;
    expect(hasKindForm(kind)).toBe(true);
    const values = { ...getDefaultSettings(settings), ...FILLED[kind] };
    const config = settings.toConfig(values);
    expect(getConfigErrors(kind, config)).toEqual({});
    const stored = JSON.stringify(CHANNEL_KINDS[kind].schema.parse(config));
    expect(settings.fromConfig(stored)).toEqual(values);
  });

  test("an empty form names the missing field", () => {
    const ntfy = getSettingsKind("ntfy")!;
    expect(getConfigErrors("ntfy", ntfy.toConfig({ ...getDefaultSettings(ntfy), topic: "" }))).toEqual({ topic: "must not be empty" });
    const po = getSettingsKind("po")!;
    expect(Object.keys(getConfigErrors("po", po.toConfig({ ...getDefaultSettings(po), user_key: "" })))).toEqual(["value"]);
    expect(po.errorFields?.value).toBe("user_key");
  });

  test("the integrations list shows destinations without keys or tokens", () => {
    const summary = (kind: string) => {
      const settings = getSettingsKind(kind)!;
      const stored = JSON.stringify(CHANNEL_KINDS[kind].schema.parse(settings.toConfig({ ...getDefaultSettings(settings), ...FILLED[kind] })));
      return getChannelSummary(kind, stored);
    };
    expect(summary("ntfy")).toEqual(["https://ntfy.sh/ops"]);
    expect(summary("po")).toEqual(["User key uQiR… (priority 2, up -1)"]);
    expect(summary("pd")).toEqual(["Integration key e93f…"]);
    expect(summary("opsgenie")).toEqual(["EU region"]);
    expect(summary("gotify")).toEqual(["https://gotify.example.org"]);
    expect(summary("pushbullet")).toEqual(["All devices of the account"]);
    expect(getChannelSummary("victorops", JSON.stringify({ value: "https://alert.victorops.com/integrations/generic/20131114/alert/key/routing" }))).toEqual([
      "https://alert.victorops.com/integrations/generic/20131114/alert/key/…",
    ]);
  });

  test("the incident webhooks use the webhook URL form", () => {
    for (const kind of ["victorops", "pagertree", "spike"]) {
      expect(getSettingsKind(kind)!.fields.map((f) => [f.name, f.type])).toEqual([["value", "url"]]);
      expect(hasKindForm(kind)).toBe(true);
    }
    expect(getKindLabel("po")).toBe("Pushover");
    expect(getKindLabel("pd")).toBe("PagerDuty");
  });
});
