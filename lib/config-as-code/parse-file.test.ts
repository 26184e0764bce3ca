// Parsing vigil.yml and comparing states: no server, no database.
import { describe, expect, test } from "vitest";
import { ConfigError, getConfigJsonSchema } from "./model";
import { parseConfigText } from "./parse-file";
import { diffStates } from "./plan";
import { checkStateFromFile, channelStateFromFile, pageStateFromFile } from "./state";

const parse = (text: string, file = "vigil.yml") => parseConfigText(text, `/tmp/${file}`);
const errorOf = (text: string, file = "vigil.yml") => {
  try {
    parse(text, file);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  return null;
};

describe("parseConfigText", () => {
  test("reads YAML and JSON to the same model, defaults filled in", () => {
    const yaml = parse("checks:\n  backup: { schedule: '0 3 * * *' }\nchannels:\n  ops: { kind: email, value: a@example.org }\n");
    const json = parse(JSON.stringify({ checks: { backup: { schedule: "0 3 * * *" } }, channels: { ops: { kind: "email", value: "a@example.org" } } }), "vigil.json");
    expect(json.config).toEqual(yaml.config);
    expect(yaml.config.checks.backup).toEqual({ schedule: "0 3 * * *", desc: "", tags: [], channels: [], manual_resume: false, methods: "" });
    expect(yaml.config.status_pages).toEqual({});
  });

  test.each([
    ["checks:\n  a:\n    schedule: '* * * * *'\n    grace: soon\n", "vigil.yml:4: checks.a.grace: must be a number of seconds"],
    ["checks:\n  a:\n    timeout: 10\n", "vigil.yml:3: checks.a.timeout: must be at least 60 seconds"],
    ["checks:\n  a:\n    colour: red\n", "vigil.yml:3: checks.a.colour: unknown field colour"],
    ["checks:\n  a:\n    timeout: 60\n    schedule: '* * * * *'\n", "vigil.yml:4: checks.a.schedule: cannot be combined with timeout"],
    ["checks:\n  a:\n    probe:\n      type: http\n", "vigil.yml:4: checks.a.probe.url: is required"],
    ["checks:\n  a:\n    probe: { type: http, url: 'ftp://x' }\n", "vigil.yml:3: checks.a.probe.url: is not a valid http(s) URL"],
    ["checks:\n  a:\n    probe: { type: smtp }\n", "vigil.yml:3: checks.a.probe.type: type must be one of http, tcp, dns, tls"],
    ["status_pages:\n  acme:\n    components: []\n", "vigil.yml:3: status_pages.acme.title: is required"],
    ["status_pages:\n  Acme!:\n    title: x\n", "vigil.yml:2: status_pages.Acme!: status page slugs are lowercase letters, digits and hyphens"],
    ["channels:\n  a: {kind: email}\n  a: {kind: email}\n", "vigil.yml:3: a name is declared twice (map keys must be unique)"],
    ["checks: [a, b]\n", "vigil.yml:1: checks: Invalid input: expected record, received array"],
  ])("%j → %s", (text, message) => {
    expect(errorOf(text)).toBe(message);
  });

  test("a YAML syntax error names its line", () => {
    expect(errorOf("checks:\n  a:\n    schedule: [x\n  b: 1\n")).toMatch(/^vigil\.yml:\d+: /);
  });

  test("a Checkup file is recognised by its checkers list", () => {
    const parsed = parse(JSON.stringify({ checkers: [{ type: "dns", endpoint_name: "DNS", endpoint_url: "1.1.1.1:53", hostname_fqdn: "example.org" }] }), "checkup.json");
    expect(parsed.format).toBe("checkup");
    expect(parsed.config.checks.DNS.probe).toMatchObject({ type: "dns", hostname: "example.org", server: "1.1.1.1:53" });
    expect(errorOf(JSON.stringify({ checkers: [{ type: "ftp" }] }), "checkup.json")).toBe('checkup.json: checker "checker 1": type must be one of http, tcp, dns, tls, exec');
  });
});

describe("states and diffs", () => {
  test("defaults written or left out compare equal", () => {
    const short = parse("checks:\n  a: { probe: { type: tcp, address: 'db:5432' } }\n").config.checks.a;
    const long = parse("checks:\n  a:\n    grace: 60\n    channels: []\n    probe: { type: tcp, address: 'db:5432', interval: 60, timeout: 10, regions: [local], tls: false }\n").config.checks.a;
    expect(diffStates(checkStateFromFile(short), checkStateFromFile(long), { lenient: false })).toEqual([]);
    const cron = parse("checks:\n  a: { schedule: '0 3 * * *' }\n").config.checks.a;
    expect(checkStateFromFile(cron)).toMatchObject({ tz: "UTC", grace: 3600 });
    expect(checkStateFromFile(parse("checks:\n  a: {}\n").config.checks.a)).toMatchObject({ timeout: 86400 });
  });

  test("tags and channels compare as sets", () => {
    const a = checkStateFromFile(parse("checks:\n  a: { tags: [b, a, a], channels: [y, x] }\n").config.checks.a);
    expect(a).toMatchObject({ tags: ["a", "b"], channels: ["x", "y"] });
  });

  test("channel config keys and a slug the file leaves out are the server's, unless compared strictly", () => {
    const file = channelStateFromFile({ kind: "email", value: "a@example.org", notify_degraded: false });
    const live = { kind: "email", config: { value: "a@example.org", up: true, down: true }, notify_degraded: false };
    expect(diffStates(file, live, { lenient: true })).toEqual([]);
    expect(diffStates(file, live, { lenient: false }).map((c) => c.field)).toEqual(["config.up", "config.down"]);
  });

  test("a passive check becoming active lists the old kind's fields as removed", () => {
    const passive = checkStateFromFile(parse("checks:\n  a: { timeout: 3600 }\n").config.checks.a);
    const active = checkStateFromFile(parse("checks:\n  a: { probe: { type: tcp, address: 'db:5432' } }\n").config.checks.a);
    const fields = diffStates(active, passive, { lenient: true });
    expect(fields).toContainEqual({ field: "timeout", old: 3600, new: undefined });
    expect(fields).toContainEqual({ field: "probe.address", old: undefined, new: "db:5432" });
    expect(fields).toContainEqual({ field: "grace", old: 3600, new: 60 });
  });

  test("a component without a name shows the check's name", () => {
    const page = parse("status_pages:\n  acme: { title: Acme, components: [{ check: api }] }\n").config.status_pages.acme;
    expect(pageStateFromFile(page).components).toEqual([{ check: "api", name: "api", description: "", group: "" }]);
  });
});

test("the JSON Schema describes the file for editors", () => {
  const schema = getConfigJsonSchema() as { properties: Record<string, { additionalProperties?: { properties?: Record<string, unknown> } }> };
  expect(Object.keys(schema.properties)).toEqual(["$schema", "checks", "channels", "status_pages"]);
  expect(Object.keys(schema.properties.checks.additionalProperties!.properties!)).toContain("probe");
  expect(JSON.stringify(schema)).toContain('"follow_redirects"');
});
