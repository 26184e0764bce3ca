import { describe, expect, test } from "vitest";
import { CHANNEL_KINDS, isChannelKindEnabled } from "./channel-kinds";
import { parseEnv } from "../env";

describe("telegram config (§6.3)", () => {
  const schema = CHANNEL_KINDS.telegram.schema;
  test("fills defaults and keeps the chat", () => {
    expect(schema.parse({ id: -100123 })).toEqual({ id: -100123, thread_id: null, type: "private", name: "" });
    expect(schema.parse({ id: 5, thread_id: 9, type: "supergroup", name: "Ops" })).toEqual({ id: 5, thread_id: 9, type: "supergroup", name: "Ops" });
  });
  test("refuses bad values", () => {
    for (const bad of [{}, { id: "5" }, { id: 1.5 }, { id: 1, type: "bot" }, { id: 1, extra: true }, "123"]) {
      expect(schema.safeParse(bad).success).toBe(false);
    }
  });
  test("offered only with TELEGRAM_TOKEN", () => {
    expect(isChannelKindEnabled("telegram", parseEnv({}))).toBe(false);
    expect(isChannelKindEnabled("telegram", parseEnv({ TELEGRAM_TOKEN: "1:x" }))).toBe(true);
  });
});
