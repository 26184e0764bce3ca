// Form values to probes and back, as tables: what each submitted string becomes, and that a
// stored probe survives the edit page unchanged.
import { describe, expect, test } from "vitest";
import { parseProbeConfig } from "./config";
import { probeFromForm, probeToForm } from "./form";
import { PROBE_TYPE_DESCRIPTORS, summarizeProbe } from "./registry";

describe("probeFromForm", () => {
  test("turns numbers, checkboxes and lines into the probe's values, leaving empty fields to their defaults", () => {
    const { config, errors } = probeFromForm("http", {
      url: " https://example.org/health ",
      interval: "300",
      timeout: "",
      threshold_rtt: "abc",
      follow_redirects: "on",
      tls_skip_verify: "",
      headers: "Authorization: Bearer x\n\nX-Trace: a:b\n",
      json: '$.status == "ok"\n$.db.latency < 50\n$.tags contains beta\n$.x != null',
      body: '  {"a": 1}\n',
    });
    expect(errors).toBeUndefined();
    expect(config).toEqual({
      type: "http",
      url: "https://example.org/health",
      interval: 300,
      threshold_rtt: "abc",
      follow_redirects: true,
      tls_skip_verify: false,
      headers: { Authorization: "Bearer x", "X-Trace": "a:b" },
      json: [
        { path: "$.status", op: "==", value: "ok" },
        { path: "$.db.latency", op: "<", value: 50 },
        { path: "$.tags", op: "contains", value: "beta" },
        { path: "$.x", op: "!=", value: null },
      ],
      body: '  {"a": 1}\n',
    });
    expect(() => parseProbeConfig(config)).toThrow("json validation error: probe.threshold_rtt is not a number");
  });

  test.each([
    ["headers", "no colon here", '"no colon here" is not a "Name: value" line'],
    ["json", "$.a is b", '"$.a is b" is not a "$.path op value" line'],
  ])("reports a bad %s line by field", (field, value, message) => {
    expect(probeFromForm("http", { url: "https://x", [field]: value }).errors).toEqual({ [field]: message });
  });

  test("splits DNS answers one per line", () => {
    expect(probeFromForm("dns", { hostname: "example.org", expected: "192.0.2.1\n192.0.2.2\n" }).config).toEqual({
      type: "dns",
      hostname: "example.org",
      expected: ["192.0.2.1", "192.0.2.2"],
    });
  });
});

describe("probeToForm", () => {
  test.each([
    { type: "http", url: "https://example.org", method: "POST", headers: { A: "1" }, json: [{ path: "$.n", op: ">=", value: 2 }], follow_redirects: true, body: "x" },
    { type: "tcp", address: "db:5432", tls: true },
    { type: "dns", hostname: "example.org", record_type: "MX", server: "1.1.1.1:53", expected: ["mx.example.org"] },
    { type: "tls", address: "example.org:443", servername: "www.example.org", cert_expiry_threshold: 30 },
    { type: "tcp", address: "db:5432", regions: ["local", "eu-west", "ap-south"], quorum: 3 },
  ])("a stored %j comes back unchanged through the form", (input) => {
    const stored = parseProbeConfig(input);
    const { config, errors } = probeFromForm(stored.type, probeToForm(stored as unknown as Record<string, unknown>));
    expect(errors).toBeUndefined();
    expect(parseProbeConfig(config)).toEqual(stored);
  });
});

describe("descriptors", () => {
  test.each([
    [{ type: "http", url: "https://example.org" }, "GET https://example.org 200-299"],
    [{ type: "tcp", address: "db:5432", tls: true }, "TCP db:5432 (TLS)"],
    [{ type: "dns", hostname: "example.org", server: "1.1.1.1", expected: ["192.0.2.1"] }, "A example.org @1.1.1.1 = 192.0.2.1"],
    [{ type: "tls", address: "example.org:443" }, "TLS example.org:443"],
  ])("summarize %j", (input, summary) => {
    expect(summarizeProbe(parseProbeConfig(input))).toBe(summary);
  });

  test("every type's schema is the one parseProbeConfig uses, and its form fields are options of it", () => {
    for (const [type, d] of Object.entries(PROBE_TYPE_DESCRIPTORS)) {
      expect(d.type).toBe(type);
      const minimal = { http: { url: "https://x" }, tcp: { address: "x:1" }, dns: { hostname: "x" }, tls: { address: "x:1" } }[d.type];
      const parsed = parseProbeConfig({ type, ...minimal });
      expect(d.configSchema.parse({ type, ...minimal })).toEqual(parsed);
      for (const f of d.form.fields) expect(Object.keys(parsed)).toContain(f.name);
    }
  });
});
