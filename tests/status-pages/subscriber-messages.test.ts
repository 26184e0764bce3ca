import { beforeAll, describe, expect, test } from "vitest";
import type { StatusPage, StatusSubscriber } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { getUpdateStatusLabel } from "../../lib/status-pages/component-status";
import { buildConfirmationMail, buildEventMail, buildWebhookPayload, type EventMessage } from "../../lib/status-pages/subscriber-messages";
import type { StatuspageIncident } from "../../lib/status-pages/statuspage-json";

const page = { code: "page00000001", title: "Acme <Status>", slug: "acme", timeZone: "UTC", customDomain: null } as StatusPage;
const email = { code: "sub000000001", kind: "email", target: "ops@example.org", email: "" } as StatusSubscriber;
const webhook = { code: "sub000000002", kind: "webhook", target: "https://hooks.example.org/x", email: "ops@example.org" } as StatusSubscriber;

function message(over: Partial<EventMessage> = {}): EventMessage {
  return {
    page,
    pageUrl: "https://vigil.example.org/status/acme",
    pageStatus: { indicator: "major", description: "Partial System Outage" },
    incident: { id: "inc000000001", name: "API <b>errors</b>", status: "investigating", components: [] } as unknown as StatuspageIncident,
    kind: "incident_created",
    status: "investigating",
    body: "Looking into it.\nMore soon.",
    affected: [{ name: "API", status: "major_outage" }],
    ...over,
  };
}

describe("subscriber messages", () => {
  beforeAll(() => setEnv({ SECRET_KEY: "test-secret-key", SITE_ROOT: "https://vigil.example.org" }));

  test.each([
    ["investigating", "Investigating"],
    ["in_progress", "In progress"],
    ["completed", "Completed"],
    ["something_new", "something_new"],
  ])("status %s reads %s", (status, label) => {
    expect(getUpdateStatusLabel(status)).toBe(label);
  });

  test("an event mail has the subject, body, components, page link and one-click unsubscribe headers", () => {
    const mail = buildEventMail(message(), email);
    expect(mail.to).toBe("ops@example.org");
    expect(mail.subject).toBe("[Acme <Status>] API <b>errors</b>: Investigating");
    expect(mail.text).toContain("Investigating - Looking into it.\nMore soon.");
    expect(mail.text).toContain("- API: Major outage");
    expect(mail.text).toContain("Status page: https://vigil.example.org/status/acme");
    const unsubscribe = /Unsubscribe: (\S+)/.exec(mail.text)![1];
    expect(unsubscribe).toMatch(/^https:\/\/vigil\.example\.org\/status\/acme\/subscriptions\/sub000000001\/unsubscribe\?token=[\w-]{43}$/);
    expect(mail.headers).toMatchObject({ "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });

  test("the HTML part escapes what visitors and managers typed", () => {
    const html = buildEventMail(message(), email).html ?? "";
    expect(html).toContain("API &lt;b&gt;errors&lt;/b&gt;");
    expect(html).toContain("Acme &lt;Status&gt;");
    expect(html).toContain("Looking into it.<br>More soon.");
    expect(html).not.toContain("<b>errors");
  });

  test("a webhook subscriber's mails go to its confirming address, and its payload is Statuspage's", () => {
    expect(buildEventMail(message(), webhook).to).toBe("ops@example.org");
    const body = JSON.parse(buildWebhookPayload(message(), webhook));
    expect(Object.keys(body)).toEqual(["meta", "page", "incident"]);
    expect(body.page).toEqual({ id: "page00000001", status_indicator: "major", status_description: "Partial System Outage" });
    expect(body.meta.unsubscribe).toContain("/subscriptions/sub000000002/unsubscribe?token=");
  });

  test("a confirmation mail names what is being subscribed and carries a 7-day link", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const mail = buildConfirmationMail(page, webhook, "https://status.example.com", now);
    expect(mail.to).toBe("ops@example.org");
    expect(mail.subject).toBe("Confirm your subscription to Acme <Status>");
    expect(mail.text).toContain("the webhook https://hooks.example.org/x");
    const expires = Math.floor(now.getTime() / 1000) + 7 * 86_400;
    expect(mail.text).toContain(`https://status.example.com/subscriptions/sub000000002/confirm?token=${expires}.`);
  });
});
