// Who hears of a degraded check: flips to and from "degraded" reach only channels with
// notify_degraded, but degraded → down (an outage) and down → degraded (its recovery) reach
// every channel, and up/down-only channels read a flip by what it means to them.
import { beforeEach, describe, expect, test } from "vitest";
import { deliverFlip } from "../../lib/alerts/deliver-flip";
import { getDb, type Check, type Flip } from "../../lib/db";
import { describeFlip, getFlipColor, getFlipDirection, getFlipEmoji, isDegradedOnlyFlip } from "../../lib/integrations/message";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createChannel, createFlip, useHttpSink, webhookConfig } from "../helpers/alerts";
import { createCheck, createFixtures } from "../fixtures";

describe("the message kit's reading of degraded flips", () => {
  test.each([
    { old: "up", now: "degraded", direction: "down", only: true, color: "#f0ad4e", emoji: "🟡", text: "DEGRADED." },
    { old: "new", now: "degraded", direction: "down", only: true, color: "#f0ad4e", emoji: "🟡", text: "DEGRADED." },
    { old: "degraded", now: "up", direction: "up", only: true, color: "#5cb85c", emoji: "🟢", text: "UP." },
    { old: "degraded", now: "down", direction: "down", only: false, color: "#d9534f", emoji: "🔴", text: "DOWN (received a failure signal)." },
    { old: "down", now: "degraded", direction: "up", only: false, color: "#f0ad4e", emoji: "🟡", text: "DEGRADED." },
    { old: "up", now: "down", direction: "down", only: false, color: "#d9534f", emoji: "🔴", text: "DOWN (received a failure signal)." },
    { old: "down", now: "up", direction: "up", only: false, color: "#5cb85c", emoji: "🟢", text: "UP." },
  ])("$old → $now reads as $direction (degraded channels only: $only)", ({ old, now, direction, only, color, emoji, text }) => {
    const flip = { id: 1, checkId: 1, createdAt: new Date(), processedAt: null, oldStatus: old, newStatus: now, reason: now === "down" ? "fail" : "" } satisfies Flip;
    expect(getFlipDirection(flip)).toBe(direction);
    expect(isDegradedOnlyFlip(flip)).toBe(only);
    expect(getFlipColor(flip)).toBe(color);
    expect(getFlipEmoji(flip)).toBe(emoji);
    expect(describeFlip(flip, null)).toBe(text);
  });

  test("a recovery to degraded tells how long the downtime lasted", () => {
    const flip = { id: 1, checkId: 1, createdAt: new Date(), processedAt: null, oldStatus: "down", newStatus: "degraded", reason: "" } satisfies Flip;
    expect(describeFlip(flip, 120)).toBe("DEGRADED. The downtime lasted 2 minutes.");
  });
});

forEachDatabase(() => {
  const sink = useHttpSink();
  let projectId: number;
  let check: Check;

  beforeEach(async () => {
    await resetDatabase();
    ({ project: { id: projectId } } = await createFixtures());
    check = await createCheck(projectId, { status: "up" });
  });

  /** A webhook channel with both URLs, and one with only the down URL. */
  async function channels() {
    const plain = await createChannel(projectId, "webhook", webhookConfig(`${sink.url}/plain/down`, `${sink.url}/plain/up`), [check.id]);
    const opted = await createChannel(projectId, "webhook", webhookConfig(`${sink.url}/opted/down`, `${sink.url}/opted/up`), [check.id], { notifyDegraded: true });
    const downOnly = await createChannel(projectId, "webhook", webhookConfig(`${sink.url}/downonly/down`), [check.id], { notifyDegraded: true });
    return { plain, opted, downOnly };
  }
  const hits = () => sink.requests.map((r) => r.url).sort();

  test.each([
    { old: "up", now: "degraded", urls: ["/downonly/down", "/opted/down"] },
    { old: "new", now: "degraded", urls: ["/downonly/down", "/opted/down"] },
    { old: "degraded", now: "up", urls: ["/opted/up"] },
    { old: "degraded", now: "down", urls: ["/downonly/down", "/opted/down", "/plain/down"] },
    { old: "down", now: "degraded", urls: ["/opted/up", "/plain/up"] },
  ])("$old → $now is delivered to $urls", async ({ old, now, urls }) => {
    await channels();
    const report = await deliverFlip(await createFlip(check.id, { oldStatus: old, newStatus: now, reason: now === "down" ? "fail" : "" }));
    expect(hits()).toEqual(urls);
    expect(report.deliveries.every((d) => d.error === "")).toBe(true);
  });

  test("the notification of a degraded flip records the degraded status", async () => {
    const { opted } = await channels();
    await deliverFlip(await createFlip(check.id, { oldStatus: "up", newStatus: "degraded" }));
    expect(await getDb().notification.findMany({ where: { channelId: opted.id } })).toMatchObject([{ checkStatus: "degraded", error: "" }]);
  });
}, { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" });
