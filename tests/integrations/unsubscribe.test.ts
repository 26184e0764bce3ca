// The alert emails' unsubscribe link is signed: knowing a channel's UUID (every project member
// sees them, read-only ones and former members included) is not enough to silence it. The
// signed link still unsubscribes with one click (RFC 8058) and through its confirmation page.
import { beforeEach, expect, test } from "vitest";
import { GET as getUnsigned, POST as postUnsigned } from "@/app/integrations/[code]/unsub/route";
import { GET, POST } from "@/app/integrations/[code]/unsub/[token]/route";
import UnsubscribePage from "@/app/integrations/[code]/unsub/[token]/confirm/page";
import { getDb, type Channel } from "../../lib/db";
import { getUnsubscribeToken, getUnsubscribeUrl } from "../../lib/integrations/email/unsubscribe";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createChannel } from "../helpers/alerts";
import { createIntegrationFixtures } from "./helpers";

const ORIGIN = "http://localhost:8000";

/** What a mail provider sends for one-click unsubscribe. */
function oneClick(url: string, body = "List-Unsubscribe=One-Click"): Request {
  return new Request(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
}

const signed = (code: string, token: string) => ({ params: Promise.resolve({ code, token }) });

/** The texts and string attributes of an element tree, without a React renderer. */
function flatten(node: unknown): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(flatten).join("");
  if (!node || typeof node !== "object" || !("props" in node)) return "";
  const props = (node as { props: Record<string, unknown> }).props;
  const attributes = Object.entries(props)
    .filter(([name, value]) => name !== "children" && typeof value === "string")
    .map(([name, value]) => ` ${name}="${String(value)}"`)
    .join("");
  return `<${attributes}>${flatten(props.children)}`;
}

forEachDatabase(() => {
  let channel: Channel;
  let other: Channel;
  beforeEach(async () => {
    await resetDatabase();
    const f = await createIntegrationFixtures();
    channel = await createChannel(f.project.id, "email", { value: "ops@example.org", up: true, down: true }, [], { emailVerified: true });
    other = await createChannel(f.project.id, "email", { value: "dev@example.org", up: true, down: true }, [], { emailVerified: true });
  });

  const isDisabled = async (c: Channel) => (await getDb().channel.findUniqueOrThrow({ where: { id: c.id } })).disabled;

  test("an unsubscribe link without a signature is refused and the channel keeps sending", async () => {
    const res = await postUnsigned();
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("This unsubscribe link is not valid");
    expect((await getUnsigned()).status).toBe(400);
    expect(await isDisabled(channel)).toBe(false);
  });

  test("a tampered signature, or another channel's, is refused with a 400", async () => {
    const token = getUnsubscribeToken(channel.code);
    const tampered = (token[0] === "A" ? "B" : "A") + token.slice(1);
    for (const bad of [tampered, getUnsubscribeToken(other.code), "", "x"]) {
      const res = await POST(oneClick(`${ORIGIN}/integrations/${channel.code}/unsub/${bad}/`), signed(channel.code, bad));
      expect(res.status).toBe(400);
      expect(await res.text()).toBe("This unsubscribe link is not valid.\n");
    }
    expect(await isDisabled(channel)).toBe(false);
    expect(await isDisabled(other)).toBe(false);
  });

  test("the signed link from the alert email unsubscribes with one click, and only its channel", async () => {
    const url = getUnsubscribeUrl(channel.code);
    expect(url).toBe(`${ORIGIN}/integrations/${channel.code}/unsub/${getUnsubscribeToken(channel.code)}/`);
    const res = await POST(oneClick(url), signed(channel.code, getUnsubscribeToken(channel.code)));
    expect([res.status, await res.text()]).toEqual([200, "Unsubscribed\n"]);
    expect(await isDisabled(channel)).toBe(true);
    expect(await isDisabled(other)).toBe(false);
  });

  test("opening the link only leads to the confirmation page; its button unsubscribes and says so", async () => {
    const token = getUnsubscribeToken(channel.code);
    const opened = await GET(new Request(getUnsubscribeUrl(channel.code)), signed(channel.code, token));
    expect(opened.status).toBe(303);
    expect(opened.headers.get("Location")).toBe(`/integrations/${channel.code}/unsub/${token}/confirm`);
    expect(await isDisabled(channel)).toBe(false);

    const page = flatten(await UnsubscribePage({ ...signed(channel.code, token), searchParams: Promise.resolve({}) }));
    expect(page).toContain(`action="/integrations/${channel.code}/unsub/${token}/"`);
    expect(page).not.toContain("ops@example.org");

    const pressed = await POST(oneClick(getUnsubscribeUrl(channel.code), "source=page"), signed(channel.code, token));
    expect(pressed.status).toBe(303);
    expect(pressed.headers.get("Location")).toBe(`/integrations/${channel.code}/unsub/${token}/confirm?done=1`);
    expect(await isDisabled(channel)).toBe(true);
    expect(flatten(await UnsubscribePage({ ...signed(channel.code, token), searchParams: Promise.resolve({ done: "1" }) }))).toContain("You are unsubscribed");
  });

  test("the confirmation page of a badly signed link is the not-found page", async () => {
    const wrong = getUnsubscribeToken(other.code);
    await expect(UnsubscribePage({ ...signed(channel.code, wrong), searchParams: Promise.resolve({}) })).rejects.toThrow();
  });
});
