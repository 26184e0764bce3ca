// The registry as the one list of kinds, and the cost of loading it: importing it (and the
// sendalerts delivery code) must not load any transport's client library, so `vigil start`
// only pays for an SDK once a channel of that kind delivers.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parseEnv } from "../env";
import { getDefaultFormValues } from "./forms";
import { getKind, getKindLabel, getTransport, isKindEnabled, listKinds, summarizeChannel } from "./registry";

/** The client libraries only a transport needs; add a new integration's SDK here. */
const TRANSPORT_SDKS = ["discord.js", "telegraf", "twilio", "@slack/webhook", "undici", "mailparser"];

describe("the registry", () => {
  test("lists each kind once, with a transport of the same kind", () => {
    const kinds = listKinds().map((d) => d.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const descriptor of listKinds()) {
      expect(descriptor.transport.kind).toBe(descriptor.kind);
      expect(getKind(descriptor.kind)).toBe(descriptor);
      expect(getTransport(descriptor.kind)).toBe(descriptor.transport);
    }
    expect(kinds).toEqual(expect.arrayContaining(["email", "webhook", "slack", "po", "pd", "sms", "whatsapp", "call", "group", "signal"]));
  });

  test.each(listKinds().map((d) => [d.kind, d] as const))("%s: a new channel's form has a value for each field, and every select has choices", (_kind, descriptor) => {
    const form = descriptor.form;
    if (!form || form.layout === "connect") return;
    const values = getDefaultFormValues(form);
    expect(Object.keys(values)).toEqual(form.fields.map((f) => f.name));
    for (const field of form.fields) {
      if (field.type === "select") expect(field.options?.length).toBeGreaterThan(0);
    }
  });

  test("an unknown kind has no descriptor, is not offered, and is listed by its plain value", () => {
    expect(getKind("carrier-pigeon")).toBeNull();
    expect(getTransport("carrier-pigeon")).toBeNull();
    expect(isKindEnabled("carrier-pigeon", parseEnv({}))).toBe(false);
    expect(getKindLabel("carrier-pigeon")).toBe("carrier-pigeon");
    expect(summarizeChannel("carrier-pigeon", '{"value":"coo"}')).toEqual(["coo"]);
    expect(summarizeChannel("carrier-pigeon", "{}")).toEqual([]);
  });

  test("kinds that need settings are offered only with them", () => {
    expect(isKindEnabled("telegram", parseEnv({}))).toBe(false);
    expect(isKindEnabled("telegram", parseEnv({ TELEGRAM_TOKEN: "1:x" }))).toBe(true);
    expect(isKindEnabled("webhook", parseEnv({}))).toBe(true);
    expect(isKindEnabled("webhook", parseEnv({ WEBHOOKS_ENABLED: "False" }))).toBe(false);
  });
});

describe("the telegram config", () => {
  const schema = getKind("telegram")!.configSchema;
  test("fills defaults and keeps the chat", () => {
    expect(schema.parse({ id: -100123 })).toEqual({ id: -100123, thread_id: null, type: "private", name: "" });
    expect(schema.parse({ id: 5, thread_id: 9, type: "supergroup", name: "Ops" })).toEqual({ id: 5, thread_id: 9, type: "supergroup", name: "Ops" });
  });
  test("refuses bad values", () => {
    for (const bad of [{}, { id: "5" }, { id: 1.5 }, { id: 1, type: "bot" }, { id: 1, extra: true }, "123"]) {
      expect(schema.safeParse(bad).success).toBe(false);
    }
  });
});

test("importing the registry and deliverFlip loads no transport's client library", () => {
  // A fresh process: vitest itself may have loaded these libraries for other suites.
  const script = [
    'await import("./lib/integrations/registry.ts");',
    'await import("./lib/alerts/deliver-flip.ts");',
    'const loaded = Object.keys(require.cache).map((p) => p.split("/node_modules/").at(-1)).filter(Boolean);',
    "console.log(JSON.stringify(loaded));",
  ].join("\n");
  const root = path.resolve(import.meta.dirname, "../..");
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=commonjs", "-e", `(async () => { ${script} })()`], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(run.stderr).toBe("");
  const loaded = JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "[]") as string[];
  // Prove the check can see a library at all: Prisma's client is loaded by the db module.
  expect(loaded.some((p) => p.startsWith("@prisma/"))).toBe(true);
  for (const sdk of TRANSPORT_SDKS) expect(loaded.filter((p) => p.startsWith(`${sdk}/`))).toEqual([]);
});
