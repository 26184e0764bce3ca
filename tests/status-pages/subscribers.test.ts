import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { userActor } from "../../lib/auth/actor";
import { getDb } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { advanceMaintenances } from "../../lib/status-pages/advance-maintenances";
import { claimStatusDeliveries, fanOutStatusEvents, MAX_ATTEMPTS, RETRY_DELAYS_MS } from "../../lib/status-pages/deliver-status-events";
import { checkConfirmToken, getConfirmToken, getUnsubscribeToken, isValidUnsubscribeToken } from "../../lib/status-pages/subscriber-links";
import { deleteSubscriber, listSubscribers, maskWebhookUrl } from "../../lib/status-pages/subscribers";
import { runStatusPagesTick } from "../../lib/status-pages/status-pages-worker";
import { waitForConfirmationMails } from "../../lib/status-pages/subscriber-routes";
import { useHttpSink, useSmtpSink } from "../helpers/alerts";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import {
  createIncident,
  createMaintenance,
  createStatusPageFixture,
  findLink,
  postUpdate,
  resetStatusTables,
  startPageFront,
  type PageFront,
} from "./subscriber-fixtures";

const MINUTE = 60_000;

/** A header as sent (unfolded), where mailparser would turn it into an object. */
function rawHeader(raw: Buffer, name: string): string {
  const head = raw.toString("utf8").split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " ");
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (!line) throw new Error(`no ${name} header`);
  return line.slice(name.length + 1).trim();
}
const DAY = 86_400_000;

describe("subscriber links", () => {
  const sub = { code: "abc123def456", kind: "email", target: "ops@example.org" };
  beforeAll(() => setEnv({ SECRET_KEY: "test-secret-key" }));

  test.each([
    ["a fresh confirmation token", 0, "valid"],
    ["a token one minute before its 7 days are up", 7 * DAY - MINUTE, "valid"],
    ["a token 7 days and a minute old", 7 * DAY + MINUTE, "expired"],
  ] as const)("%s is %s", (_name, age, verdict) => {
    const issued = new Date("2026-01-01T00:00:00Z");
    expect(checkConfirmToken(sub, getConfirmToken(sub, issued), new Date(issued.getTime() + age))).toBe(verdict);
  });

  test.each([
    ["another subscriber's token", { ...sub, code: "zzz123def456" }],
    ["a token for another address", { ...sub, target: "other@example.org" }],
    ["a token for another kind", { ...sub, kind: "webhook" }],
  ])("%s is invalid, not expired", (_name, other) => {
    expect(checkConfirmToken(sub, getConfirmToken(other))).toBe("invalid");
    expect(isValidUnsubscribeToken(sub, getUnsubscribeToken(other))).toBe(false);
  });

  test.each(["", "garbage", "99999999999.short", "1.".padEnd(46, "A")])("a forged confirmation token %j is invalid", (token) => {
    expect(checkConfirmToken(sub, token)).toBe("invalid");
  });

  test("an expiry moved forward invalidates the signature", () => {
    const [expires, sig] = getConfirmToken(sub).split(".");
    expect(checkConfirmToken(sub, `${Number(expires) + DAY / 1000}.${sig}`)).toBe("invalid");
  });

  test.each([
    ["https://hooks.example.com/services/T000/B000/XXXX?token=1", "https://hooks.example.com/…"],
    ["https://hooks.example.com/", "https://hooks.example.com/"],
    ["http://10.0.0.1:8080/x", "http://10.0.0.1:8080/…"],
  ])("a webhook URL %s is listed to managers as %s", (url, masked) => {
    expect(maskWebhookUrl(url)).toBe(masked);
  });
});

const smtp = useSmtpSink();
const hook = useHttpSink();
let front: PageFront;
const clearMail = () => {
  smtp.messages.length = 0;
  smtp.raw.length = 0;
};
beforeAll(async () => {
  front = await startPageFront();
});
afterAll(async () => {
  await front.close();
});

forEachDatabase(
  () => {
    let f: Awaited<ReturnType<typeof createStatusPageFixture>>;
    let pageUrl: string;

    beforeAll(() => {
      const origin = new URL(front.url("x")).origin;
      setEnv({ EMAIL_HOST: "127.0.0.1", EMAIL_PORT: String(smtp.port), EMAIL_USE_TLS: "False", SITE_ROOT: origin, SECRET_KEY: "test-secret-key" });
    });
    beforeEach(async () => {
      // A confirmation mail of the previous test must not land in this one's sink.
      await waitForConfirmationMails();
      clearMail();
      await resetStatusTables();
      await resetDatabase();
      f = await createStatusPageFixture();
      pageUrl = front.url(f.page.slug);
    });

    const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(`${pageUrl}/subscribe`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams(fields).toString(),
      });

    /** Subscribes through the form and follows the mailed link; returns the subscriber's row. */
    async function subscribeAndConfirm(fields: Record<string, string>) {
      const before = smtp.messages.length;
      expect((await form(fields)).status).toBe(200);
      await waitForConfirmationMails();
      expect(smtp.messages).toHaveLength(before + 1);
      const mail = smtp.messages[before];
      const res = await fetch(findLink(mail.text ?? "", "/confirm?token="));
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("Subscription confirmed");
      const target = fields.webhook_url ? new URL(fields.webhook_url).toString() : fields.email;
      return getDb().statusSubscriber.findFirstOrThrow({ where: { target } });
    }

    test("subscribing mails a confirmation link, and following it confirms the subscription", async () => {
      const res = await form({ email: " Ops@Example.org " });
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.text()).toContain("Check your inbox");
      await smtp.waitForMessages(1);
      const mail = smtp.messages[0];
      expect(mail.to).toMatchObject({ text: "ops@example.org" });
      expect(mail.subject).toBe("Confirm your subscription to Acme Status");
      const link = findLink(mail.text ?? "", "/confirm?token=");
      expect(link.startsWith(`${pageUrl}/subscriptions/`)).toBe(true);
      const row = await getDb().statusSubscriber.findFirstOrThrow();
      expect(row).toMatchObject({ kind: "email", target: "ops@example.org", confirmedAt: null });

      expect((await fetch(link)).status).toBe(200);
      expect((await getDb().statusSubscriber.findFirstOrThrow()).confirmedAt).not.toBeNull();
      // Following it again is harmless.
      expect((await fetch(link)).status).toBe(200);
    });

    test("the answer to a subscription is the same whether or not the address was subscribed", async () => {
      await subscribeAndConfirm({ email: "ops@example.org" });
      const again = await (await form({ email: "ops@example.org" })).text();
      const fresh = await (await form({ email: "new@example.org" })).text();
      expect(again.replace("ops@", "X@")).toBe(fresh.replace("new@", "X@"));
      expect(await getDb().statusSubscriber.count()).toBe(2);
    });

    test("an incident created, updated and resolved reaches each confirmed subscriber once per event, and nobody unconfirmed", async () => {
      await subscribeAndConfirm({ email: "ops@example.org" });
      expect((await form({ email: "pending@example.org" })).status).toBe(200);
      await smtp.waitForMessages(2);
      clearMail();

      const incident = await createIncident(f.page, f.component.id, "API errors", "We are looking into errors on the API.");
      await postUpdate(incident, "identified", "A bad deploy; rolling back.");
      await postUpdate(incident, "resolved", "All good again.");
      const first = await runStatusPagesTick();
      expect(first.fannedOut).toBe(3);
      expect(first.outcomes.map((o) => o.error)).toEqual(["", "", ""]);
      // A second pass finds nothing to send again.
      expect((await runStatusPagesTick()).outcomes).toEqual([]);

      expect(smtp.messages.map((m) => m.subject)).toEqual([
        "[Acme Status] API errors: Investigating",
        "[Acme Status] API errors: Identified",
        "[Acme Status] API errors: Resolved",
      ]);
      expect(smtp.messages.every((m) => (m.to as { text: string }).text === "ops@example.org")).toBe(true);
      const mail = smtp.messages[0];
      expect(mail.text).toContain("We are looking into errors on the API.");
      expect(mail.text).toContain("- API: Major outage");
      expect(mail.text).toContain(`Status page: ${pageUrl}`);
      expect(mail.html).toContain("Unsubscribe</a>");
      const unsubscribe = findLink(mail.text ?? "", "/unsubscribe?token=");
      expect(rawHeader(smtp.raw[0], "List-Unsubscribe")).toBe(`<${unsubscribe}>`);
      expect(rawHeader(smtp.raw[0], "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
      expect(smtp.messages[2].text).toContain("- API: Operational");
      const deliveries = await getDb().statusDelivery.findMany();
      expect(deliveries).toHaveLength(3);
      expect(deliveries.every((d) => d.deliveredAt !== null && d.attempts === 1)).toBe(true);
    });

    test("a subscriber confirmed after an event does not receive it", async () => {
      const incident = await createIncident(f.page, f.component.id, "API errors", "Looking.");
      await subscribeAndConfirm({ email: "late@example.org" });
      clearMail();
      await runStatusPagesTick();
      expect(smtp.messages).toHaveLength(0);
      await postUpdate(incident, "resolved", "Fixed.");
      await runStatusPagesTick();
      expect(smtp.messages.map((m) => m.subject)).toEqual(["[Acme Status] API errors: Resolved"]);
    });

    test("unsubscribing takes two steps from a link, and nothing is sent afterwards", async () => {
      await subscribeAndConfirm({ email: "ops@example.org" });
      await createIncident(f.page, f.component.id, "API errors", "Looking.");
      await runStatusPagesTick();
      const unsubscribe = findLink(smtp.messages.at(-1)?.text ?? "", "/unsubscribe?token=");

      const page = await fetch(unsubscribe);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<form method="post"');
      expect(html).toContain("ops@example.org");
      // Opening the link (as a mail scanner does) deletes nothing.
      expect(await getDb().statusSubscriber.count()).toBe(1);

      const done = await fetch(unsubscribe, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "" });
      expect(done.status).toBe(200);
      expect(await done.text()).toContain("Unsubscribed");
      expect(await getDb().statusSubscriber.count()).toBe(0);

      const before = smtp.messages.length;
      await createIncident(f.page, f.component.id, "More errors", "Again.");
      await runStatusPagesTick();
      expect(smtp.messages).toHaveLength(before);
      expect((await fetch(unsubscribe)).status).toBe(400);
    });

    test("a mail client's one-click unsubscribe (RFC 8058) removes the subscription at once", async () => {
      await subscribeAndConfirm({ email: "ops@example.org" });
      await createIncident(f.page, f.component.id, "API errors", "Looking.");
      await runStatusPagesTick();
      const target = rawHeader(smtp.raw.at(-1)!, "List-Unsubscribe").replace(/^<|>$/g, "");
      const res = await fetch(target, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
      expect(res.status).toBe(200);
      expect(await getDb().statusSubscriber.count()).toBe(0);
    });

    test("expired, forged and other pages' links are refused with a 400 page", async () => {
      await form({ email: "ops@example.org" });
      await smtp.waitForMessages(1);
      const link = new URL(findLink(smtp.messages[0].text ?? "", "/confirm?token="));
      const sub = await getDb().statusSubscriber.findFirstOrThrow();

      const expired = new URL(link);
      expired.searchParams.set("token", getConfirmToken(sub, new Date(Date.now() - 8 * DAY)));
      const res = await fetch(expired);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("expired");

      const forged = new URL(link);
      forged.searchParams.set("token", link.searchParams.get("token")!.replace(/.$/, (c) => (c === "A" ? "B" : "A")));
      expect((await fetch(forged)).status).toBe(400);

      const other = await getDb().statusPage.create({ data: { code: "otherpage001", projectId: f.project.id, slug: "other", title: "Other" } });
      const elsewhere = link.toString().replace(`/status/${f.page.slug}/`, `/status/${other.slug}/`);
      expect((await fetch(elsewhere)).status).toBe(400);

      const badUnsub = `${pageUrl}/subscriptions/${sub.code}/unsubscribe?token=${"A".repeat(43)}`;
      expect((await fetch(badUnsub)).status).toBe(400);
      expect((await fetch(badUnsub, { method: "POST" })).status).toBe(400);
      expect(await getDb().statusSubscriber.findFirstOrThrow()).toMatchObject({ confirmedAt: null });
    });

    test.each([
      [{ email: "" }, "enter an e-mail address"],
      [{ email: "not-an-address" }, "does not look like an e-mail address"],
      [{ email: "a@b.org, c@d.org" }, "does not look like an e-mail address"],
      [{ email: "ops@example.org", webhook_url: "ftp://hooks.example.org/" }, "unsupported protocol ftp"],
      [{ email: "ops@example.org", webhook_url: "not a url" }, "invalid URL"],
      [{ webhook_url: "https://hooks.example.org/" }, "enter an e-mail address"],
    ])("bad input %j gets a 400 page saying %s", async (fields, message) => {
      const res = await form(fields);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain(message);
      expect(await getDb().statusSubscriber.count()).toBe(0);
    });

    test("a webhook to a private address is refused when the address policy forbids it", async () => {
      setEnv({ INTEGRATIONS_ALLOW_PRIVATE_IPS: "False" });
      try {
        const res = await form({ email: "ops@example.org", webhook_url: `${hook.url}/hook` });
        expect(res.status).toBe(400);
        expect(await res.text()).toContain("Connections to private IP addresses are not allowed");
      } finally {
        setEnv({ INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" });
      }
    });

    test("an oversized form gets a 413 and subscribing is rate-limited per client address", async () => {
      expect((await form({ email: "ops@example.org", junk: "x".repeat(20_000) })).status).toBe(413);
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await form({ email: `u${i}@example.org` })).status);
      expect(statuses.filter((s) => s === 200).length).toBe(10);
      expect(statuses.at(-1)).toBe(429);
    });

    test("a pending address gets its confirmation again when it subscribes again, at most 3 times an hour", async () => {
      for (let i = 0; i < 5; i++) expect((await form({ email: "ops@example.org" })).status).toBe(200);
      await waitForConfirmationMails();
      expect(smtp.messages.map((m) => m.subject)).toEqual(Array(3).fill("Confirm your subscription to Acme Status"));
      expect(await getDb().statusSubscriber.count()).toBe(1);
    });

    test("a webhook subscription is confirmed through its e-mail and gets Statuspage's webhook JSON, retried after a failure", async () => {
      const sub = await subscribeAndConfirm({ email: "ops@example.org", webhook_url: `${hook.url}/hook` });
      expect(sub).toMatchObject({ kind: "webhook", email: "ops@example.org" });
      hook.respond = (_req, res) => {
        res.writeHead(500);
        res.end("boom");
      };
      const incident = await createIncident(f.page, f.component.id, "API errors", "Looking.");
      const t0 = new Date();
      const first = await runStatusPagesTick({ now: t0 });
      expect(first.outcomes).toMatchObject([{ error: "Received status code 500", givenUp: false }]);
      let delivery = await getDb().statusDelivery.findFirstOrThrow();
      expect(delivery).toMatchObject({ deliveredAt: null, attempts: 1, claimedAt: null, error: "Received status code 500" });
      expect(delivery.nextAttemptAt.getTime()).toBe(t0.getTime() + RETRY_DELAYS_MS[0]);
      // Not due yet: nothing is sent.
      expect((await runStatusPagesTick({ now: new Date(t0.getTime() + 30_000) })).outcomes).toEqual([]);

      hook.respond = (_req, res) => res.end("OK");
      const second = await runStatusPagesTick({ now: new Date(t0.getTime() + RETRY_DELAYS_MS[0]) });
      expect(second.outcomes).toMatchObject([{ error: "" }]);
      delivery = await getDb().statusDelivery.findFirstOrThrow();
      expect(delivery).toMatchObject({ attempts: 2, error: "" });
      expect(delivery.deliveredAt).not.toBeNull();

      expect(hook.requests).toHaveLength(2);
      const req = hook.requests[1];
      expect(req.method).toBe("POST");
      expect(req.headers["content-type"]).toBe("application/json");
      const body = JSON.parse(req.body.toString("utf8"));
      expect(Object.keys(body)).toEqual(["meta", "page", "incident"]);
      expect(body.meta.unsubscribe).toMatch(new RegExp(`^${pageUrl}/subscriptions/${sub.code}/unsubscribe\\?token=`));
      expect(body.meta.documentation).toMatch(/^https:\/\//);
      expect(body.page).toEqual({ id: f.page.code, status_indicator: "critical", status_description: "Major System Outage" });
      expect(body.incident).toMatchObject({ id: incident.code, name: "API errors", status: "investigating", impact: "major", page_id: f.page.code });
      expect(body.incident.incident_updates).toMatchObject([{ status: "investigating", body: "Looking." }]);
      expect(body.incident.components).toMatchObject([{ id: f.component.code, name: "API", status: "major_outage" }]);
      // No e-mail for a webhook subscription's events.
      expect(smtp.messages).toHaveLength(1);
    });

    test("a webhook answering with a redirect has failed, and a delivery is given up after its last attempt", async () => {
      await subscribeAndConfirm({ email: "ops@example.org", webhook_url: `${hook.url}/hook` });
      hook.respond = (_req, res) => {
        res.writeHead(301, { Location: `${hook.url}/elsewhere` });
        res.end();
      };
      await createIncident(f.page, f.component.id, "API errors", "Looking.");
      let now = Date.now();
      let last = await runStatusPagesTick({ now: new Date(now) });
      expect(last.outcomes).toMatchObject([{ error: "Received status code 301" }]);
      for (let i = 1; i < MAX_ATTEMPTS; i++) {
        now += 2 * DAY;
        last = await runStatusPagesTick({ now: new Date(now) });
      }
      expect(last.outcomes).toMatchObject([{ givenUp: true }]);
      expect(hook.requests.filter((r) => r.url === "/hook")).toHaveLength(MAX_ATTEMPTS);
      expect(await getDb().statusDelivery.findFirstOrThrow()).toMatchObject({ givenUp: true, attempts: MAX_ATTEMPTS, deliveredAt: null });
      expect((await runStatusPagesTick({ now: new Date(now + 10 * DAY) })).outcomes).toEqual([]);
    });

    test("two workers running at once deliver each event to each subscriber exactly once", async () => {
      await subscribeAndConfirm({ email: "a@example.org" });
      await subscribeAndConfirm({ email: "b@example.org" });
      await subscribeAndConfirm({ email: "c@example.org" });
      clearMail();
      const incident = await createIncident(f.page, f.component.id, "API errors", "Looking.");
      await postUpdate(incident, "resolved", "Fixed.");
      const results = await Promise.all([runStatusPagesTick(), runStatusPagesTick(), runStatusPagesTick()]);
      expect(results.reduce((n, r) => n + r.fannedOut, 0)).toBe(2);
      expect(results.reduce((n, r) => n + r.outcomes.length, 0)).toBe(6);
      const sent = smtp.messages.map((m) => `${(m.to as { text: string }).text} ${m.subject}`).sort();
      expect(sent).toEqual(
        ["a", "b", "c"].flatMap((x) => [`${x}@example.org [Acme Status] API errors: Investigating`, `${x}@example.org [Acme Status] API errors: Resolved`]).sort(),
      );
    });

    test("a claim older than the lease is taken again, a fresh one is not", async () => {
      await subscribeAndConfirm({ email: "ops@example.org" });
      await createIncident(f.page, f.component.id, "API errors", "Looking.");
      const t0 = new Date();
      expect(await fanOutStatusEvents(t0)).toBe(1);
      // As a worker that died after claiming would leave it.
      await getDb().statusDelivery.updateMany({ data: { claimedAt: t0 } });
      expect(await claimStatusDeliveries(new Date(t0.getTime() + MINUTE))).toHaveLength(0);
      expect(await claimStatusDeliveries(new Date(t0.getTime() + 6 * MINUTE))).toHaveLength(1);
    });

    test("a maintenance starts and completes by itself, once each with several workers, and subscribers hear of both", async () => {
      await subscribeAndConfirm({ email: "ops@example.org" });
      clearMail();
      const t0 = Date.now();
      const m = await createMaintenance(f.page, f.component.id, new Date(t0 + 10 * MINUTE), new Date(t0 + 70 * MINUTE), new Date(t0));
      await runStatusPagesTick({ now: new Date(t0) });
      expect(smtp.messages.map((x) => x.subject)).toEqual(["[Acme Status] Database upgrade: Scheduled"]);
      expect(smtp.messages[0].text).toContain("Scheduled: ");

      const pageBefore = (await getDb().statusPage.findUniqueOrThrow({ where: { id: f.page.id } })).updatedAt;
      const start = new Date(t0 + 11 * MINUTE);
      const starts = await Promise.all([advanceMaintenances(start), advanceMaintenances(start), advanceMaintenances(start)]);
      expect(starts.reduce((n, s) => n + s.started, 0)).toBe(1);
      expect(starts.reduce((n, s) => n + s.completed, 0)).toBe(0);
      expect((await getDb().statusPage.findUniqueOrThrow({ where: { id: f.page.id } })).updatedAt.getTime()).toBeGreaterThan(pageBefore.getTime());
      await runStatusPagesTick({ now: start });

      const end = new Date(t0 + 71 * MINUTE);
      const ends = await Promise.all([advanceMaintenances(end), advanceMaintenances(end)]);
      expect(ends.reduce((n, s) => n + s.completed, 0)).toBe(1);
      await runStatusPagesTick({ now: end });
      expect((await advanceMaintenances(new Date(t0 + DAY))).completed).toBe(0);

      const updates = await getDb().statusIncidentUpdate.findMany({ where: { incidentId: m.id }, orderBy: { id: "asc" } });
      expect(updates.map((u) => u.status)).toEqual(["scheduled", "in_progress", "completed"]);
      const events = await getDb().statusEvent.findMany({ where: { incidentId: m.id }, orderBy: { id: "asc" } });
      expect(events.map((e) => e.kind)).toEqual(["maintenance_scheduled", "maintenance_started", "maintenance_completed"]);
      expect((await getDb().statusIncident.findUniqueOrThrow({ where: { id: m.id } })).resolvedAt).toEqual(end);
      expect(smtp.messages.map((x) => x.subject)).toEqual([
        "[Acme Status] Database upgrade: Scheduled",
        "[Acme Status] Database upgrade: In progress",
        "[Acme Status] Database upgrade: Completed",
      ]);
    });

    test("a maintenance marked in progress by hand has its start event already; the window opening adds nothing", async () => {
      const t0 = Date.now();
      const m = await createMaintenance(f.page, f.component.id, new Date(t0 - MINUTE), new Date(t0 + 60 * MINUTE), new Date(t0 - 2 * MINUTE));
      await postUpdate(m, "in_progress", "Starting early.", new Date(t0 - MINUTE));
      expect((await advanceMaintenances(new Date(t0))).started).toBe(0);
      const updates = await getDb().statusIncidentUpdate.findMany({ where: { incidentId: m.id } });
      expect(updates.map((u) => u.status).sort()).toEqual(["in_progress", "scheduled"]);
      const events = await getDb().statusEvent.findMany({ where: { incidentId: m.id }, orderBy: { id: "asc" } });
      expect(events.map((e) => e.kind)).toEqual(["maintenance_scheduled", "maintenance_started"]);
    });

    test("managers list and delete subscribers; members and outsiders cannot", async () => {
      await subscribeAndConfirm({ email: "ops@example.org" });
      await form({ email: "pending@example.org", webhook_url: `${hook.url}/secret-token` });
      const list = await listSubscribers({ actor: userActor(f.alice.id), pageCode: f.page.code });
      expect(list.map((s) => [s.kind, s.target, s.email, s.confirmedAt !== null])).toEqual([
        ["webhook", `${hook.url}/…`, "pending@example.org", false],
        ["email", "ops@example.org", "", true],
      ]);
      await expect(listSubscribers({ actor: userActor(f.bob.id), pageCode: f.page.code })).rejects.toMatchObject({ code: "forbidden" });
      await expect(listSubscribers({ actor: userActor(f.charlie.id), pageCode: f.page.code })).rejects.toMatchObject({ code: "not_found" });
      await expect(deleteSubscriber({ actor: userActor(f.bob.id), subscriberCode: list[1].code })).rejects.toMatchObject({ code: "forbidden" });
      await expect(deleteSubscriber({ actor: userActor(f.charlie.id), subscriberCode: list[1].code })).rejects.toMatchObject({ code: "not_found" });
      await getDb().member.updateMany({ where: { userId: f.bob.id }, data: { role: "m" } });
      await deleteSubscriber({ actor: userActor(f.bob.id), subscriberCode: list[1].code });
      expect((await listSubscribers({ actor: userActor(f.alice.id), pageCode: f.page.code })).map((s) => s.kind)).toEqual(["webhook"]);
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
