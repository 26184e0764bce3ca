// Where probes may connect: private addresses only while allowed (PROBE_ALLOW_PRIVATE, on by
// default), cloud metadata services never, judged on the address actually connected to, for IP
// literals, looked-up names and redirect targets alike.
import dns from "node:dns";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { setEnv } from "@/lib/env";
import { isCloudMetadataAddress } from "@/lib/net/address-policy";
import { parseProbeConfig } from "@/lib/probes/config";
import { runProbe } from "@/lib/probes/run-probe";

let server: http.Server;
let port: number;
let requests = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests++;
    if (req.url?.startsWith("/to-metadata")) res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    else res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.close();
});

afterEach(() => {
  vi.restoreAllMocks();
  setEnv({ PROBE_ALLOW_PRIVATE: undefined });
});

const run = (probe: Record<string, unknown>, allowPrivate?: boolean) => runProbe(parseProbeConfig({ timeout: 2, ...probe }), { allowPrivate });

describe("private addresses", () => {
  test.each([
    [{ type: "http", url: "http://127.0.0.1:PORT/" }, "connections to private address 127.0.0.1 are not allowed"],
    [{ type: "http", url: "http://localhost:PORT/" }, /^connections to private address (127\.0\.0\.1|::1) are not allowed$/],
    [{ type: "http", url: "http://[::ffff:127.0.0.1]:PORT/" }, "connections to private address ::ffff:7f00:1 are not allowed"],
    [{ type: "tcp", address: "127.0.0.1:PORT" }, "connections to private address 127.0.0.1 are not allowed"],
    [{ type: "tls", address: "10.1.2.3:443" }, "connections to private address 10.1.2.3 are not allowed"],
    [{ type: "dns", hostname: "vigil.test", server: "192.168.1.1:53" }, "connections to private address 192.168.1.1 are not allowed"],
  ])("are refused when not allowed: %j", async (probe, error) => {
    requests = 0;
    const filled = JSON.parse(JSON.stringify(probe).replace("PORT", String(port))) as Record<string, unknown>;
    const r = await run(filled, false);
    expect(r.status).toBe("down");
    expect(r.error).toMatch(typeof error === "string" ? new RegExp(`^${error.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) : error);
    expect(r.attempts[0].timings.connect_ms).toBeNull();
    expect(requests).toBe(0);
  });

  test("are reached by default (PROBE_ALLOW_PRIVATE is on unless turned off)", async () => {
    expect((await run({ type: "http", url: `http://127.0.0.1:${port}/` })).status).toBe("healthy");
    setEnv({ PROBE_ALLOW_PRIVATE: "False" });
    expect((await run({ type: "http", url: `http://127.0.0.1:${port}/` })).status).toBe("down");
  });

  test("a name with one private answer among public ones is refused, before any connection", async () => {
    const lookup = vi.spyOn(dns.promises, "lookup").mockResolvedValue([
      { address: "93.184.216.34", family: 4 },
      { address: "127.0.0.1", family: 4 },
    ] as unknown as dns.LookupAddress);
    const r = await run({ type: "http", url: `http://rebind.vigil.test:${port}/` }, false);
    expect(r).toMatchObject({ status: "down", error: "connections to private address 127.0.0.1 are not allowed", resolved_ip: null });
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  test("the address connected to is the one the lookup answered and the policy judged", async () => {
    // A rebinding name answers differently each time; the probe asks once and connects to that
    // answer, so there is no second answer to slip through.
    const answers = ["127.0.0.1", "169.254.169.254"];
    const lookup = vi
      .spyOn(dns.promises, "lookup")
      .mockImplementation(async () => [{ address: answers.shift() ?? "169.254.169.254", family: 4 }] as unknown as dns.LookupAddress);
    const r = await run({ type: "http", url: `http://rebind.vigil.test:${port}/` }, true);
    expect(r).toMatchObject({ status: "healthy", resolved_ip: "127.0.0.1" });
    expect(lookup).toHaveBeenCalledTimes(1);
  });
});

describe("cloud metadata addresses", () => {
  test.each([
    [{ type: "http", url: "http://169.254.169.254/latest/meta-data/" }, "169.254.169.254"],
    [{ type: "http", url: "http://100.100.100.200/" }, "100.100.100.200"],
    [{ type: "http", url: "http://[fd00:ec2::254]/" }, "fd00:ec2::254"],
    [{ type: "http", url: "http://[::ffff:169.254.169.254]/" }, "::ffff:a9fe:a9fe"],
    [{ type: "tcp", address: "169.254.169.254:80" }, "169.254.169.254"],
    [{ type: "tls", address: "[fd00:ec2:0::254]:443" }, "fd00:ec2:0::254"],
    [{ type: "dns", hostname: "vigil.test", server: "169.254.169.254" }, "169.254.169.254"],
  ])("are refused even when private addresses are allowed: %j", async (probe, address) => {
    const r = await run(probe, true);
    expect(r).toMatchObject({ status: "down", error: `connections to ${address} (cloud metadata) are not allowed` });
  });

  test("a name that resolves to one is refused", async () => {
    vi.spyOn(dns.promises, "lookup").mockResolvedValue([{ address: "169.254.169.254", family: 4 }] as unknown as dns.LookupAddress);
    const r = await run({ type: "tcp", address: "metadata.google.internal:80" }, true);
    expect(r.error).toBe("connections to 169.254.169.254 (cloud metadata) are not allowed");
  });

  test("a redirect to one is refused", async () => {
    const r = await run({ type: "http", url: `http://127.0.0.1:${port}/to-metadata`, follow_redirects: true }, true);
    expect(r).toMatchObject({ status: "down", error: "connections to 169.254.169.254 (cloud metadata) are not allowed" });
  });

  test.each([
    ["169.254.169.254", true],
    ["::ffff:169.254.169.254", true],
    ["::ffff:a9fe:a9fe", true],
    ["FD00:EC2::254", true],
    ["fd00:0ec2:0000::0254", true],
    ["100.100.100.200", true],
    ["169.254.169.253", false],
    ["127.0.0.1", false],
  ])("isCloudMetadataAddress(%s) is %s", (address, expected) => {
    expect(isCloudMetadataAddress(address)).toBe(expected);
  });
});
