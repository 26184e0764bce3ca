// The pure helpers behind the add/edit forms and the integrations list.
import { describe, expect, test } from "vitest";
import { readUpDownConfig as readEmailConfig } from "../../lib/integrations/config";
import { getConfigErrors as getSchemaErrors } from "../../lib/integrations/forms";
import { getKind, summarizeChannel as getChannelSummary } from "../../lib/integrations/registry";
import { formatHeaderLines, parseHeaderLines } from "../../lib/integrations/webhook";
import { readWebhookConfig } from "../../lib/integrations/webhook/config";

/** Field-by-field errors of a config of `kind`, from the schema the API validates with. */
const getConfigErrors = (kind: string, config: unknown) => getSchemaErrors(getKind(kind)!.configSchema, config);

describe("webhook header lines", () => {
  test("parses one Name: value per line, trimming and skipping blank lines", () => {
    expect(parseHeaderLines("Authorization: Bearer a:b \r\n\n  X-Name :$NAME\n")).toEqual({
      headers: { Authorization: "Bearer a:b", "X-Name": "$NAME" },
      error: null,
    });
    expect(parseHeaderLines("")).toEqual({ headers: {}, error: null });
  });

  test("names the line without a colon or a name", () => {
    expect(parseHeaderLines("A: 1\nnonsense").error).toBe('Line 2: use the "Name: value" format');
    expect(parseHeaderLines(": value").error).toBe('Line 1: use the "Name: value" format');
  });

  test("round-trips through the edit form", () => {
    const headers = { Authorization: "Bearer x", "X-A": "" };
    expect(parseHeaderLines(formatHeaderLines(headers)).headers).toEqual(headers);
  });
});

describe("config errors per field", () => {
  test("chat webhook URLs", () => {
    expect(getConfigErrors("slack", { value: "https://hooks.slack.com/services/T/B/x" })).toEqual({});
    expect(getConfigErrors("discord", { value: "" })).toEqual({ value: "must not be empty" });
    expect(getConfigErrors("googlechat", { value: "javascript:alert(1)" })).toEqual({ value: "must be an http or https URL" });
  });

  test("email", () => {
    expect(getConfigErrors("email", { value: "ops@example.org", up: true, down: false })).toEqual({});
    expect(getConfigErrors("email", { value: "nope", up: true, down: true })).toEqual({ value: "must be an email address" });
  });

  test("webhook", () => {
    const base = { method_down: "GET", url_down: "https://example.org", body_down: "", headers_down: {}, method_up: "GET", url_up: "", body_up: "", headers_up: {} };
    expect(getConfigErrors("webhook", base)).toEqual({});
    expect(getConfigErrors("webhook", { ...base, url_down: "" })).toEqual({ "": "needs url_down or url_up" });
    expect(getConfigErrors("webhook", { ...base, url_up: "javascript:alert(1)", headers_up: { "Bad Name": "x" } })).toEqual({
      url_up: "must be an http or https URL",
      headers_up: "has an invalid header name: Bad Name",
    });
    expect(getConfigErrors("webhook", { ...base, method_down: "DELETE" })).toEqual({ method_down: "must be GET, POST or PUT" });
  });
});

describe("channel summaries", () => {
  test("email shows the address and which events it skips", () => {
    expect(getChannelSummary("email", '{"value":"a@example.org","up":true,"down":true}')).toEqual(["a@example.org"]);
    expect(getChannelSummary("email", '{"value":"a@example.org","up":false,"down":true}')).toEqual(["a@example.org (down only)"]);
    expect(readEmailConfig('"legacy@example.org"')).toEqual({ value: "legacy@example.org", up: true, down: true });
  });

  test("webhook shows one line per configured event", () => {
    const json = JSON.stringify({ method_down: "post", url_down: "https://a.example/down", url_up: "", headers_up: { A: "1", B: 2 } });
    expect(getChannelSummary("webhook", json)).toEqual(["Down: POST https://a.example/down"]);
    expect(readWebhookConfig(json).up).toEqual({ method: "GET", url: "", body: "", headers: { A: "1" } });
  });

  test("chat kinds show their webhook URL with the secret parts hidden", () => {
    expect(getChannelSummary("slack", '{"value":"https://hooks.slack.com/services/T0/B0/secret"}')).toEqual(["https://hooks.slack.com/services/T0/B0/…"]);
    expect(getChannelSummary("slack", '{"team_name":"Acme","incoming_webhook":{"url":"https://hooks.slack.com/x/y","channel":"#ops"}}')).toEqual(["Acme / #ops"]);
    expect(getChannelSummary("discord", '{"webhook":{"url":"https://discord.com/api/webhooks/1/tok"}}')).toEqual(["https://discord.com/api/webhooks/1/…"]);
    expect(getChannelSummary("googlechat", '{"value":"https://chat.googleapis.com/v1/spaces/A/messages?key=k&token=t"}')).toEqual([
      "https://chat.googleapis.com/v1/spaces/A/…?…",
    ]);
    expect(getChannelSummary("mattermost", '"https://chat.example.org/hooks/abc"')).toEqual(["https://chat.example.org/hooks/…"]);
    expect(getChannelSummary("slack", "{}")).toEqual([]);
  });

  test("other kinds fall back to their plain value", () => {
    expect(getChannelSummary("matrix", '{"value":"!room:example.org"}')).toEqual(["!room:example.org"]);
  });
});

test("the placeholder list is Healthchecks' exact set, $NAME_JSON listed after $NAME for reading", () => {
  expect((getKind("webhook")?.form?.placeholders ?? []).map((p) => p.name)).toEqual([
    "$CODE", "$STATUS", "$NOW", "$NAME", "$NAME_JSON", "$SLUG", "$TAGS", "$TAG1", "$BODY", "$BODY_JSON", "$EXITSTATUS", "$JSON",
  ]);
});
