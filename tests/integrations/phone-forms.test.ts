// The setup forms of the Twilio kinds (sms, whatsapp, call): a phone number plus down/up
// checkboxes for sms and whatsapp, shown only when Twilio is configured.
import { describe, expect, test } from "vitest";
import { getConfigErrors as getSchemaErrors, getDefaultFormValues as getDefaultSettings } from "../../lib/integrations/forms";
import { getKind, getKindLabel, isKindEnabled as isChannelKindEnabled, summarizeChannel as getChannelSummary } from "../../lib/integrations/registry";
import { CHANNEL_KINDS, getSettingsKind } from "./helpers";

const getConfigErrors = (kind: string, config: unknown) => getSchemaErrors(getKind(kind)!.configSchema, config);
import { getEnv, setEnv } from "../../lib/env";

describe("phone forms", () => {
  test("sms and whatsapp start with both checkboxes ticked; call has only the number", () => {
    expect(getDefaultSettings(getSettingsKind("sms")!)).toEqual({ value: "", down: "on", up: "on" });
    expect(getDefaultSettings(getSettingsKind("whatsapp")!)).toEqual({ value: "", down: "on", up: "on" });
    expect(getDefaultSettings(getSettingsKind("call")!)).toEqual({ value: "" });
    expect(["sms", "whatsapp", "call"].map(getKindLabel)).toEqual(["SMS", "WhatsApp", "Phone call"]);
  });

  test("unticked boxes become false; both unticked is refused", () => {
    const sms = getSettingsKind("sms")!;
    expect(sms.toConfig({ value: "+15551234567", down: "on", up: "" })).toEqual({ value: "+15551234567", up: false, down: true });
    const errors = getConfigErrors("sms", sms.toConfig({ value: "+15551234567", down: "", up: "" }));
    expect(errors).toEqual({ "": "must notify on up, down or both" });
    expect(sms.errorFields?.[""]).toBe("down");
  });

  test("a bad number is explained on the number field; spaces and dashes are dropped", () => {
    const call = getSettingsKind("call")!;
    expect(getConfigErrors("call", call.toConfig({ value: "0044 1234" }))).toEqual({
      value: "must be a phone number in international format, e.g. +15551234567",
    });
    expect(CHANNEL_KINDS.call.schema.parse(call.toConfig({ value: "+44 1234-567890" }))).toEqual({ value: "+441234567890" });
  });

  test("the list shows the number and the events", () => {
    expect(getChannelSummary("sms", JSON.stringify({ value: "+15551234567", up: false, down: true }))).toEqual(["+15551234567 (down only)"]);
    expect(getChannelSummary("whatsapp", JSON.stringify({ value: "+15551234567", up: true, down: true }))).toEqual(["+15551234567 (down and up)"]);
    expect(getChannelSummary("call", JSON.stringify({ value: "+15551234567" }))).toEqual(["+15551234567"]);
    // Healthchecks' plain-string value.
    expect(getChannelSummary("call", JSON.stringify("+15551234567"))).toEqual(["+15551234567"]);
  });

  test("offered only when TWILIO_ACCOUNT and TWILIO_AUTH are set (and TWILIO_USE_WHATSAPP for WhatsApp)", () => {
    setEnv({ TWILIO_ACCOUNT: undefined, TWILIO_AUTH: undefined, TWILIO_USE_WHATSAPP: undefined });
    try {
      expect(["sms", "whatsapp", "call"].map((k) => isChannelKindEnabled(k, getEnv()))).toEqual([false, false, false]);
      setEnv({ TWILIO_ACCOUNT: "AC1", TWILIO_AUTH: "secret" });
      expect(["sms", "whatsapp", "call"].map((k) => isChannelKindEnabled(k, getEnv()))).toEqual([true, false, true]);
      setEnv({ TWILIO_USE_WHATSAPP: "True" });
      expect(isChannelKindEnabled("whatsapp", getEnv())).toBe(true);
    } finally {
      setEnv({ TWILIO_ACCOUNT: undefined, TWILIO_AUTH: undefined, TWILIO_USE_WHATSAPP: undefined });
    }
  });
});
