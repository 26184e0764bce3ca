import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { createAdapter } from "../../lib/auth/adapter";
import { createLoginLink, createSetupLink, findLoginLink } from "../../lib/auth/login-links";
import { hashToken } from "../../lib/auth/secrets";
import { requestLoginLink } from "../../lib/auth/request-login-link";
import { getDb } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { provisionUser } from "../../lib/users/provision-user";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { callAuth, errorOf, sessionCookieOf, tokenOfLink, useMailSink, userOfSession } from "./helpers";

const PREFIX = "/accounts/check-token/";

/** Uses a link the way its page does: POST to next-auth's email callback. */
function useLink(token: string, callbackUrl = "/") {
  return callAuth({ method: "POST", action: "callback", providerId: "email", query: { token }, body: { callbackUrl } });
}

forEachDatabase(() => {
  const sink = useMailSink();
  beforeEach(async () => {
    await resetDatabase();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test("createLoginLink makes an absolute link to the confirm page and stores only a hash", async () => {
    const link = await createLoginLink("Alice@Example.org", "/projects/abc/checks");
    const url = new URL(link);
    expect(url.origin).toBe("http://localhost:8000");
    expect(url.searchParams.get("next")).toBe("/projects/abc/checks");
    const token = tokenOfLink(link, PREFIX);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const [row] = await getDb().verificationToken.findMany();
    expect(row.identifier).toBe("alice@example.org");
    expect(row.token).toBe(hashToken(token));
    expect(row.token).not.toContain(token);
    expect(row.expires.getTime() - Date.now()).toBeGreaterThan(3590_000);
    expect(row.expires.getTime() - Date.now()).toBeLessThanOrEqual(3600_000);
  });

  test("createLoginLink drops a next that leaves the site", async () => {
    for (const next of ["https://evil.example/", "//evil.example/x", "/\\evil.example"]) {
      expect(new URL(await createLoginLink("a@example.org", next)).searchParams.has("next")).toBe(false);
    }
  });

  test("the emailed link signs in once, then is refused", async () => {
    const { user } = await provisionUser("alice@example.org");
    await requestLoginLink({ email: "alice@example.org", ip: "192.0.2.1", next: "/projects" });
    await sink.waitForMessages(1);
    const mail = sink.messages[0];
    expect(mail.subject).toBe("Sign in to Vigil");
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : "").toBe("alice@example.org");
    const link = /https?:\/\/\S+/.exec(mail.text ?? "")![0];
    expect(link).toMatch(/^http:\/\/localhost:8000\/accounts\/check-token\/[A-Za-z0-9_-]+\?next=%2Fprojects$/);
    expect(mail.html).toContain(`href="${link}"`);
    const token = tokenOfLink(link, PREFIX);

    // Opening the page (a GET, as mail scanners do) does not use it up.
    expect(await findLoginLink(token)).toEqual({ email: "alice@example.org" });
    expect(await findLoginLink(token)).toEqual({ email: "alice@example.org" });

    const first = await useLink(token, "/projects");
    expect(first.redirect).toBe("http://localhost:8000/projects");
    const cookie = sessionCookieOf(first);
    expect(cookie).toBeTruthy();
    expect((await userOfSession(cookie!))?.id).toBe(user.id);
    const after = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.emailVerified).toBeInstanceOf(Date);
    expect(after.lastLoginAt).toBeInstanceOf(Date);

    const second = await useLink(token);
    expect(errorOf(second)).toBe("Verification");
    expect(sessionCookieOf(second)).toBeUndefined();
    expect(await findLoginLink(token)).toBeNull();
  });

  test("a link expires after one hour", async () => {
    await provisionUser("alice@example.org");
    const token = tokenOfLink(await createLoginLink("alice@example.org"), PREFIX);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 3600_000 + 1000);
    expect(await findLoginLink(token)).toBeNull();
    const res = await useLink(token);
    expect(errorOf(res)).toBe("Verification");
    expect(sessionCookieOf(res)).toBeUndefined();
  });

  test("a link still works just before the hour is up", async () => {
    await provisionUser("alice@example.org");
    const token = tokenOfLink(await createLoginLink("alice@example.org"), PREFIX);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 3600_000 - 5000);
    expect(sessionCookieOf(await useLink(token))).toBeTruthy();
  });

  test("a link for an address without an account signs nobody in", async () => {
    const token = tokenOfLink(await createLoginLink("ghost@example.org"), PREFIX);
    const res = await useLink(token);
    expect(errorOf(res)).toBe("AccessDenied");
    expect(sessionCookieOf(res)).toBeUndefined();
    expect(await getDb().user.count()).toBe(0);
  });

  test("the adapter never signs in with tokens of other kinds", async () => {
    const { user } = await provisionUser("alice@example.org");
    await getDb().verificationToken.create({
      data: { identifier: `~email:${user.id}:new@example.org`, token: hashToken("other-kind"), expires: new Date(Date.now() + 60_000) },
    });
    expect(await createAdapter().useVerificationToken!({ identifier: "", token: hashToken("other-kind") })).toBeNull();
    expect(errorOf(await useLink("other-kind"))).toBe("Verification");
    expect(await getDb().verificationToken.count()).toBe(1);
  });

  test("a set-up link signs its new account in once, leading to the project", async () => {
    const user = await getDb().user.create({ data: { email: "new@example.org" } });
    const link = await createSetupLink(user.id, "/projects/abc/checks");
    expect(new URL(link).searchParams.get("next")).toBe("/projects/abc/checks");
    const token = tokenOfLink(link, PREFIX);
    expect(await findLoginLink(token)).toEqual({ email: "new@example.org" });
    const [row] = await getDb().verificationToken.findMany();
    expect(row.identifier).not.toContain("new@example.org");

    const first = await useLink(token, "/projects/abc/checks");
    expect(first.redirect).toBe("http://localhost:8000/projects/abc/checks");
    expect((await userOfSession(sessionCookieOf(first)!))?.id).toBe(user.id);
    expect(errorOf(await useLink(token))).toBe("Verification");
  });

  test("a set-up link stops working once its account has signed in another way", async () => {
    const user = await getDb().user.create({ data: { email: "new@example.org" } });
    const setup = tokenOfLink(await createSetupLink(user.id), PREFIX);
    const own = tokenOfLink(await createLoginLink("new@example.org"), PREFIX);
    expect(sessionCookieOf(await useLink(own))).toBeTruthy();
    expect(await findLoginLink(setup)).toBeNull();
    const res = await useLink(setup);
    expect(errorOf(res)).toBe("Verification");
    expect(sessionCookieOf(res)).toBeUndefined();
  });

  test("a set-up link is refused for an account that signed in before the link was made", async () => {
    const user = await getDb().user.create({ data: { email: "old@example.org", lastLoginAt: new Date() } });
    const token = tokenOfLink(await createSetupLink(user.id), PREFIX);
    expect(await findLoginLink(token)).toBeNull();
    expect(sessionCookieOf(await useLink(token))).toBeUndefined();
  });

  test("next-auth's own link-request endpoint is refused (our form applies the limits)", async () => {
    await provisionUser("alice@example.org");
    const csrf = await callAuth({ method: "GET", action: "csrf" });
    const csrfCookie = csrf.cookies.find((c) => c.name === "next-auth.csrf-token")!.value;
    const res = await callAuth({
      method: "POST",
      action: "signin",
      providerId: "email",
      cookies: { "next-auth.csrf-token": csrfCookie },
      body: { csrfToken: (csrf.body as { csrfToken: string }).csrfToken, email: "alice@example.org" },
    });
    expect(errorOf(res)).toBe("AccessDenied");
    expect(await getDb().verificationToken.count()).toBe(0);
  });

  test("requesting a link for an unknown address sends nothing and says nothing different", async () => {
    expect(await requestLoginLink({ email: " Nobody@Example.org ", ip: "192.0.2.1" })).toBe("nobody@example.org");
    await new Promise((r) => setTimeout(r, 200));
    expect(sink.messages).toHaveLength(0);
    expect(await getDb().verificationToken.count()).toBe(0);
  });

  test("requesting a link refuses bad addresses and works only with email configured", async () => {
    await expect(requestLoginLink({ email: "not-an-address", ip: "192.0.2.1" })).rejects.toMatchObject({ code: "bad_request" });
    setEnv({ EMAIL_HOST: "" });
    try {
      await expect(requestLoginLink({ email: "alice@example.org", ip: "192.0.2.1" })).rejects.toMatchObject({ code: "unavailable" });
    } finally {
      setEnv({ EMAIL_HOST: "127.0.0.1" });
    }
  });

  test("a mail server that refuses turns into a sentence, not a crash", async () => {
    await provisionUser("alice@example.org");
    setEnv({ EMAIL_PORT: "1" });
    try {
      const err = await requestLoginLink({ email: "alice@example.org", ip: "192.0.2.1" }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: "unavailable" });
    } finally {
      setEnv({ EMAIL_PORT: String(sink.port) });
    }
  });
});
