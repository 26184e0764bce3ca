// Probe options as tables: what each type fills in by default, and the API's message and field
// for every value it refuses.
import { describe, expect, test } from "vitest";
import { AppError } from "../errors";
import {
  parseExpectedStatus,
  parseJsonPath,
  parseProbeConfig,
  probeTimeout,
  splitHostPort,
  DEFAULT_PROBE_GRACE,
} from "./config";

const COMMON_DEFAULTS = {
  interval: 60,
  timeout: 10,
  attempts: 1,
  attempt_spacing: 0,
  threshold_rtt: 0,
  regions: ["local"],
  quorum: 1,
};

describe("parseProbeConfig fills in the defaults", () => {
  test.each([
    [
      "http",
      { type: "http", url: "https://example.org/health" },
      {
        url: "https://example.org/health",
        method: "GET",
        headers: {},
        body: "",
        expected_status: "200-299",
        follow_redirects: false,
        must_contain: "",
        must_not_contain: "",
        json: [],
        tls_skip_verify: false,
        cert_expiry_threshold: 14,
      },
    ],
    ["tcp", { type: "tcp", address: "db.internal:5432" }, { address: "db.internal:5432", tls: false, tls_skip_verify: false }],
    [
      "dns",
      { type: "dns", hostname: "example.org" },
      { hostname: "example.org", record_type: "A", server: "", expected: [] },
    ],
    [
      "tls",
      { type: "tls", address: "example.org:443" },
      { address: "example.org:443", servername: "", tls_skip_verify: false, cert_expiry_threshold: 14 },
    ],
  ])("of a %s probe", (type, input, specific) => {
    expect(parseProbeConfig(input)).toEqual({ type, ...COMMON_DEFAULTS, ...specific });
  });

  test("keeps every option it is given", () => {
    const input = {
      type: "http",
      interval: 300,
      timeout: 5,
      attempts: 3,
      attempt_spacing: 200,
      threshold_rtt: 800,
      regions: ["local", "eu-west"],
      quorum: 1,
      url: "http://10.0.0.5:8080/",
      method: "POST",
      headers: { Authorization: "Bearer x", "X-Trace": "1" },
      body: '{"ping":true}',
      expected_status: "200-299,301, 404",
      follow_redirects: true,
      must_contain: "ok",
      must_not_contain: "error",
      json: [
        { path: "$.status", op: "==", value: "ok" },
        { path: "$['db'].latency", op: "<", value: 50 },
        { path: "$.items[0]", op: "!=", value: null },
      ],
      tls_skip_verify: true,
      cert_expiry_threshold: 0,
    };
    expect(parseProbeConfig(input)).toEqual(input);
  });

  test.each<[string[], number]>([
    [["local"], 1],
    [["local", "eu-west"], 2],
    [["local", "eu-west", "ap-south"], 2],
    [["a", "b", "c", "d"], 3],
    [["a", "b", "c", "d", "e"], 3],
  ])("gives regions %j a majority quorum of %i", (regions, quorum) => {
    expect(parseProbeConfig({ type: "tcp", address: "db:5432", regions })).toMatchObject({ regions, quorum });
  });

  test("keeps a quorum up to the number of regions", () => {
    expect(parseProbeConfig({ type: "tcp", address: "db:5432", regions: ["local", "eu-west", "ap-south"], quorum: 3 })).toMatchObject({ quorum: 3 });
  });

  test("accepts a bare host or an IPv6 literal as the DNS server", () => {
    expect(parseProbeConfig({ type: "dns", hostname: "a.b", server: "1.1.1.1" })).toMatchObject({ server: "1.1.1.1" });
    expect(parseProbeConfig({ type: "dns", hostname: "a.b", server: "[::1]:5353" })).toMatchObject({ server: "[::1]:5353" });
  });
});

describe("parseProbeConfig refuses bad values with the API's message", () => {
  const http = { type: "http", url: "https://example.org" };
  test.each<[string, unknown, string]>([
    ["probe", null, "probe is not an object"],
    ["probe", [], "probe is not an object"],
    ["probe", "http", "probe is not an object"],
    ["probe.type", {}, "probe.type is required"],
    ["probe.type", { type: "icmp" }, "probe.type must be one of http, tcp, dns, tls"],
    ["probe.type", { type: 1 }, "probe.type must be one of http, tcp, dns, tls"],
    ["probe.interval", { ...http, interval: 9 }, "probe.interval must be between 10 and 86400"],
    ["probe.interval", { ...http, interval: 86401 }, "probe.interval must be between 10 and 86400"],
    ["probe.interval", { ...http, interval: "60" }, "probe.interval is not a number"],
    ["probe.interval", { ...http, interval: 60.5 }, "probe.interval is not an integer"],
    ["probe.interval", { ...http, interval: null }, "probe.interval is not a number"],
    ["probe.timeout", { ...http, timeout: 0 }, "probe.timeout must be between 1 and 60"],
    ["probe.timeout", { ...http, timeout: 61 }, "probe.timeout must be between 1 and 60"],
    ["probe.attempts", { ...http, attempts: 0 }, "probe.attempts must be between 1 and 10"],
    ["probe.attempts", { ...http, attempts: 11 }, "probe.attempts must be between 1 and 10"],
    ["probe.attempt_spacing", { ...http, attempt_spacing: -1 }, "probe.attempt_spacing must be between 0 and 60000"],
    ["probe.threshold_rtt", { ...http, threshold_rtt: -5 }, "probe.threshold_rtt must be between 0 and 600000"],
    ["probe.regions", { ...http, regions: [] }, "probe.regions must name at least one region"],
    ["probe.regions", { ...http, regions: "local" }, "probe.regions is not a list"],
    ["probe.regions[0]", { ...http, regions: ["Local Office"] }, "probe.regions[0] must be a list of region names (a-z, 0-9, -)"],
    ["probe.regions", { ...http, regions: ["local", "local"] }, "probe.regions must not name a region twice"],
    ["probe.quorum", { ...http, quorum: 2 }, "probe.quorum must be at most the number of regions (1)"],
    ["probe.quorum", { ...http, regions: ["local", "eu-west", "ap-south"], quorum: 4 }, "probe.quorum must be at most the number of regions (3)"],
    ["probe.quorum", { ...http, quorum: 0 }, "probe.quorum must be at least 1"],
    ["probe.quorum", { ...http, quorum: 1.5 }, "probe.quorum is not an integer"],
    ["probe.quorum", { ...http, quorum: "2" }, "probe.quorum is not a number"],
    ["probe.url", { type: "http" }, "probe.url is required"],
    ["probe.url", { ...http, url: "ftp://example.org" }, "probe.url is not a valid http(s) URL"],
    ["probe.url", { ...http, url: "example.org" }, "probe.url is not a valid http(s) URL"],
    ["probe.url", { ...http, url: 5 }, "probe.url is not a string"],
    ["probe.method", { ...http, method: "get" }, "probe.method must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"],
    ["probe.method", { ...http, method: "TRACE" }, "probe.method must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"],
    ["probe.headers", { ...http, headers: ["a"] }, "probe.headers is not an object"],
    ["probe.headers", { ...http, headers: { "bad name": "x" } }, "probe.headers has an invalid header name"],
    ["probe.headers.X", { ...http, headers: { X: 1 } }, "probe.headers.X must be a string"],
    ["probe.headers.X", { ...http, headers: { X: "a\r\nEvil: 1" } }, "probe.headers.X must not contain line breaks"],
    ["probe.body", { ...http, body: 1 }, "probe.body is not a string"],
    ["probe.expected_status", { ...http, expected_status: "2xx" }, "probe.expected_status must be status codes and ranges of 100-599, e.g. 200-299,301"],
    ["probe.expected_status", { ...http, expected_status: "299-200" }, "probe.expected_status must be status codes and ranges of 100-599, e.g. 200-299,301"],
    ["probe.expected_status", { ...http, expected_status: "600" }, "probe.expected_status must be status codes and ranges of 100-599, e.g. 200-299,301"],
    ["probe.expected_status", { ...http, expected_status: "" }, "probe.expected_status must be status codes and ranges of 100-599, e.g. 200-299,301"],
    ["probe.follow_redirects", { ...http, follow_redirects: "yes" }, "probe.follow_redirects is not a boolean"],
    ["probe.must_contain", { ...http, must_contain: "x".repeat(1001) }, "probe.must_contain is too long (at most 1000 characters)"],
    ["probe.json", { ...http, json: {} }, "probe.json is not a list"],
    ["probe.json[0]", { ...http, json: ["$.a"] }, "probe.json[0] is not an object"],
    ["probe.json[0].path", { ...http, json: [{ path: "a.b", op: "==", value: 1 }] }, "probe.json[0].path is not a supported JSONPath ($, .key, ['key'], [0])"],
    ["probe.json[0].path", { ...http, json: [{ path: "$..a", op: "==", value: 1 }] }, "probe.json[0].path is not a supported JSONPath ($, .key, ['key'], [0])"],
    ["probe.json[0].op", { ...http, json: [{ path: "$.a", op: "=~", value: 1 }] }, "probe.json[0].op must be one of ==, !=, <, <=, >, >=, contains"],
    ["probe.json[0].value", { ...http, json: [{ path: "$.a", op: "==" }] }, "probe.json[0].value is required"],
    ["probe.json[0].value", { ...http, json: [{ path: "$.a", op: "==", value: [1] }] }, "probe.json[0].value must be a string, number, boolean or null"],
    ["probe.json[0].extra", { ...http, json: [{ path: "$.a", op: "==", value: 1, extra: 1 }] }, "probe.json[0].extra is not an option of http probes"],
    ["probe.cert_expiry_threshold", { ...http, cert_expiry_threshold: 366 }, "probe.cert_expiry_threshold must be between 0 and 365"],
    ["probe.address", { type: "tcp", address: "example.org" }, "probe.address is not a valid host:port address"],
    ["probe.address", { type: "tcp", address: "example.org:0" }, "probe.address is not a valid host:port address"],
    ["probe.address", { type: "tcp", address: "example.org:65536" }, "probe.address is not a valid host:port address"],
    ["probe.address", { type: "tcp", address: "::1:80" }, "probe.address is not a valid host:port address"],
    ["probe.address", { type: "tcp" }, "probe.address is required"],
    ["probe.tls", { type: "tcp", address: "a:1", tls: 1 }, "probe.tls is not a boolean"],
    ["probe.hostname", { type: "dns", hostname: "a..b" }, "probe.hostname is not a valid host name"],
    ["probe.hostname", { type: "dns", hostname: "" }, "probe.hostname is not a valid host name"],
    ["probe.hostname", { type: "dns" }, "probe.hostname is required"],
    ["probe.record_type", { type: "dns", hostname: "a.b", record_type: "SRV" }, "probe.record_type must be one of A, AAAA, CNAME, MX, NS, TXT"],
    ["probe.server", { type: "dns", hostname: "a.b", server: "1.1.1.1:99999" }, "probe.server is not a valid host:port address"],
    ["probe.expected", { type: "dns", hostname: "a.b", expected: "1.2.3.4" }, "probe.expected is not a list"],
    ["probe.expected[0]", { type: "dns", hostname: "a.b", expected: [1] }, "probe.expected[0] must be a list of strings"],
    ["probe.servername", { type: "tls", address: "a:443", servername: 1 }, "probe.servername is not a string"],
    ["probe.url", { type: "tls", address: "a:443", url: "https://a" }, "probe.url is not an option of tls probes"],
    ["probe.must_contain", { type: "tcp", address: "a:1", must_contain: "x" }, "probe.must_contain is not an option of tcp probes"],
  ])("%s: %j", (field, input, message) => {
    let caught: unknown;
    try {
      parseProbeConfig(input);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    const err = caught as AppError;
    expect(err.code).toBe("bad_request");
    expect(err.message).toBe(`json validation error: ${message}`);
    expect(err.field).toBe(field);
    expect(err.userMessage).toBe(message);
  });
});

describe("the small parsers", () => {
  test.each<[string, number | undefined, { host: string; port: number } | null]>([
    ["example.org:443", undefined, { host: "example.org", port: 443 }],
    ["127.0.0.1:53", undefined, { host: "127.0.0.1", port: 53 }],
    ["[::1]:8080", undefined, { host: "::1", port: 8080 }],
    ["example.org", undefined, null],
    ["example.org", 53, { host: "example.org", port: 53 }],
    ["::1", 53, { host: "::1", port: 53 }],
    ["[::1]", 53, { host: "::1", port: 53 }],
    ["[nope]:1", undefined, null],
    [":80", undefined, null],
    ["a b:80", undefined, null],
    ["host:http", undefined, null],
  ])("splitHostPort(%j, %j)", (address, dflt, expected) => {
    expect(splitHostPort(address, dflt)).toEqual(expected);
  });

  test.each<[string, [number, number][] | null]>([
    ["200", [[200, 200]]],
    ["200-299,301", [[200, 299], [301, 301]]],
    [" 200 - 204 , 418 ", [[200, 204], [418, 418]]],
    ["2xx", null],
    ["99", null],
    ["200,", null],
  ])("parseExpectedStatus(%j)", (text, expected) => {
    expect(parseExpectedStatus(text)).toEqual(expected);
  });

  test.each<[string, (string | number)[] | null]>([
    ["$", []],
    ["$.a.b", ["a", "b"]],
    ["$.items[0].name", ["items", 0, "name"]],
    ["$['a b']['c']", ["a b", "c"]],
    ['$["x"]', ["x"]],
    ["$['it\\'s']", ["it's"]],
    ["a", null],
    ["$.", null],
    ["$[*]", null],
    ["$..a", null],
  ])("parseJsonPath(%j)", (path, expected) => {
    expect(parseJsonPath(path)).toEqual(expected);
  });

  test("a probe check's timeout is its interval and its default grace a minute", () => {
    expect(probeTimeout({ interval: 300 })).toBe(300);
    expect(DEFAULT_PROBE_GRACE).toBe(60);
  });
});
