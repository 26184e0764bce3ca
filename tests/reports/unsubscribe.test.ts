import { beforeAll, beforeEach, expect, test } from "vitest";
import { GET, POST } from "@/app/(auth)/accounts/unsubscribe_reports/[token]/route";
import UnsubscribeReportsPage from "@/app/(auth)/accounts/unsubscribe_reports/[token]/confirm/page";
import { getDb, type User } from "../../lib/db";
import { getEnv, setEnv } from "../../lib/env";
import { getUnsubscribeReportsToken, verifyUnsubscribeReportsToken } from "../../lib/reports/unsubscribe-link";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createFixtures } from "../fixtures";
import { setUser } from "./helpers";

const SUBSCRIBED = { reports: "weekly", nagPeriod: 3600, nextReportDate: new Date("2030-01-07T09:00:00Z"), nextNagDate: new Date("2030-01-01T00:00:00Z") };
const URL_BASE = "https://vigil.example.org/accounts/unsubscribe_reports";

const context = (token: string) => ({ params: Promise.resolve({ token }) });

/** What a mail provider sends for one-click unsubscribe (RFC 8058). */
function oneClick(token: string): Request {
  return new Request(`${URL_BASE}/${token}/`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
  });
}

/** The texts and string attributes (as `name="value"`) of an element tree, without a React renderer. */
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

async function renderPage(token: string, done?: string): Promise<string> {
  return flatten(await UnsubscribeReportsPage({ params: Promise.resolve({ token }), searchParams: Promise.resolve(done ? { done } : {}) }));
}

async function reload(user: User): Promise<User> {
  return getDb().user.findUniqueOrThrow({ where: { id: user.id } });
}

test("a token is the user id with a signature that only SECRET_KEY can make", () => {
  const original = getEnv().secretKey;
  setEnv({ SECRET_KEY: "one" });
  const token = getUnsubscribeReportsToken(42);
  expect(token).toMatch(/^42\.[A-Za-z0-9_-]{43}$/);
  expect(verifyUnsubscribeReportsToken(token)).toBe(42);
  expect(verifyUnsubscribeReportsToken(token.replace(/^42\./, "43."))).toBeNull();
  expect(verifyUnsubscribeReportsToken(`${token}x`)).toBeNull();
  expect(verifyUnsubscribeReportsToken("42")).toBeNull();
  expect(verifyUnsubscribeReportsToken("../../etc")).toBeNull();
  setEnv({ SECRET_KEY: "two" });
  expect(verifyUnsubscribeReportsToken(token)).toBeNull();
  setEnv({ SECRET_KEY: original });
});

forEachDatabase(() => {
  let alice: User;
  let bob: User;
  let token: string;

  beforeAll(() => setEnv({ SITE_ROOT: "https://vigil.example.org" }));
  beforeEach(async () => {
    await resetDatabase();
    ({ alice, bob } = await createFixtures());
    alice = await setUser(alice, SUBSCRIBED);
    bob = await setUser(bob, SUBSCRIBED);
    token = getUnsubscribeReportsToken(alice.id);
  });

  test("opening the link only leads to a confirmation page with an Unsubscribe button", async () => {
    const res = await GET(new Request(`${URL_BASE}/${token}/`), context(token));
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/accounts/unsubscribe_reports/${token}/confirm`);
    const html = await renderPage(token);
    expect(html).toContain("Unsubscribe from reports?");
    expect(html).toContain(`action="/accounts/unsubscribe_reports/${token}/"`);
    expect(html).toContain('method="post"');
    expect(html).not.toContain("alice@example.org");
    expect(await reload(alice)).toMatchObject(SUBSCRIBED);
  });

  test("one-click POST turns reports and reminders off without any cookie or CSRF token", async () => {
    const res = await POST(oneClick(token), context(token));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("Unsubscribed\n");
    expect(await reload(alice)).toMatchObject({ reports: "off", nagPeriod: 0, nextReportDate: null, nextNagDate: null });
    expect(await reload(bob)).toMatchObject(SUBSCRIBED);
    expect(await renderPage(token)).toContain("Already unsubscribed");
  });

  test("the confirmation page's button unsubscribes and comes back to say so", async () => {
    const form = new FormData();
    form.set("source", "page");
    const res = await POST(new Request(`${URL_BASE}/${token}/`, { method: "POST", body: form }), context(token));
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/accounts/unsubscribe_reports/${token}/confirm?done=1`);
    expect((await reload(alice)).reports).toBe("off");
    expect(await renderPage(token, "1")).toContain("You are unsubscribed");
  });

  test("a link with a bad signature is refused with 400 and a 404 page, and changes nothing", async () => {
    const forged = token.replace(/^\d+\./, `${bob.id}.`);
    for (const bad of [forged, "garbage", `${alice.id}.`]) {
      const res = await POST(oneClick(bad), context(bad));
      expect(res.status).toBe(400);
      await expect(renderPage(bad)).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    }
    expect(await reload(alice)).toMatchObject(SUBSCRIBED);
    expect(await reload(bob)).toMatchObject(SUBSCRIBED);
  });

  test("a correctly signed link for a deleted account says unsubscribed", async () => {
    await getDb().user.delete({ where: { id: bob.id } });
    const bobToken = getUnsubscribeReportsToken(bob.id);
    expect((await POST(oneClick(bobToken), context(bobToken))).status).toBe(200);
    expect(await renderPage(bobToken)).toContain("Already unsubscribed");
  });
});
