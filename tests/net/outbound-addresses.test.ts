// Deliveries to addresses that are not globally routable are refused before any connection is
// opened, whichever way the URL names them: the reliability probe reached Alibaba Cloud's
// metadata address 100.100.100.200 over a webhook and a Slack channel. DNS answers are stubbed
// (the address cannot be bound without a network namespace); the policy is judged on them.
import dnsCallbacks from "node:dns";
import dns from "node:dns/promises";
import http from "node:http";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { deliverFlip } from "../../lib/alerts/deliver-flip";
import type { Check } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { PRIVATE_IP_MESSAGE } from "../../lib/net/address-policy";
import { createCheck, createFixtures } from "../fixtures";
import { createChannel, createFlip, useHttpSink, webhookConfig } from "../helpers/alerts";
import { forEachDatabase, resetDatabase } from "../helpers/databases";

/** Makes `name` resolve to `address` for lib/http.ts and for the client libraries' guard. */
function resolveAs(name: string, address: string): void {
  const family = address.includes(":") ? 6 : 4;
  const lookup = dns.lookup.bind(dns);
  vi.spyOn(dns, "lookup").mockImplementation(((host: string, options: unknown) =>
    host === name ? Promise.resolve([{ address, family }]) : lookup(host, options as dnsCallbacks.LookupAllOptions)) as typeof dns.lookup);
  const callbackLookup = dnsCallbacks.lookup.bind(dnsCallbacks);
  vi.spyOn(dnsCallbacks, "lookup").mockImplementation(((host: string, options: unknown, callback: (...args: unknown[]) => void) => {
    if (host !== name) return callbackLookup(host, options as dnsCallbacks.LookupAllOptions, callback as never);
    callback(null, [{ address, family }]);
  }) as typeof dnsCallbacks.lookup);
}

forEachDatabase(() => {
  const sink = useHttpSink();
  let projectId: number;
  let check: Check;

  beforeEach(async () => {
    await resetDatabase();
    const { project } = await createFixtures();
    projectId = project.id;
    check = await createCheck(projectId, { name: "Backup", status: "down" });
    setEnv({ INTEGRATIONS_ALLOW_PRIVATE_IPS: "False" });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    setEnv({ INTEGRATIONS_ALLOW_PRIVATE_IPS: undefined });
  });

  const deliver = async () => (await deliverFlip(await createFlip(check.id))).deliveries;

  test.each([
    "http://100.100.100.200/latest/meta-data/",
    "http://[::ffff:100.100.100.200]/latest/meta-data/",
    "http://[64:ff9b::6464:64c8]/latest/meta-data/",
    "http://metadata.test/latest/meta-data/",
  ])("a webhook to %s (Alibaba Cloud's metadata service) is refused without connecting", async (url) => {
    resolveAs("metadata.test", "100.100.100.200");
    const connect = vi.spyOn(http, "request");
    await createChannel(projectId, "webhook", webhookConfig(url), [check.id]);
    expect(await deliver()).toMatchObject([{ kind: "webhook", error: PRIVATE_IP_MESSAGE }]);
    expect(connect).not.toHaveBeenCalled();
  });

  test("a Slack delivery to a name resolving to 100.100.100.200 is refused", async () => {
    resolveAs("hooks.slack.test", "100.100.100.200");
    await createChannel(projectId, "slack", { value: "https://hooks.slack.test/services/T0/B0/x" }, [check.id]);
    expect(await deliver()).toMatchObject([{ kind: "slack", error: PRIVATE_IP_MESSAGE }]);
  });

  test("INTEGRATIONS_ALLOW_PRIVATE_IPS=True lets a webhook reach a private address", async () => {
    setEnv({ INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" });
    resolveAs("intranet.test", "127.0.0.1");
    await createChannel(projectId, "webhook", webhookConfig(sink.url.replace("127.0.0.1", "intranet.test")), [check.id]);
    expect(await deliver()).toMatchObject([{ kind: "webhook", error: "" }]);
    expect(sink.requests).toHaveLength(1);
  });

  test("a public answer still connects, to the address that was checked", async () => {
    // 8.8.4.4 stands for any public host; the request never leaves because the sink is local,
    // so this only checks that a global address passes the policy and reaches the connect.
    resolveAs("public.test", "8.8.4.4");
    const connect = vi.spyOn(http, "request").mockImplementation(() => {
      throw Object.assign(new Error("stop before the network"), { code: "ECONNREFUSED" });
    });
    await createChannel(projectId, "webhook", webhookConfig("http://public.test/hook"), [check.id]);
    expect(await deliver()).toMatchObject([{ kind: "webhook", error: expect.not.stringContaining("private") }]);
    expect(connect).toHaveBeenCalled();
  });
});
