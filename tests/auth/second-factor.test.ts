import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { userActor } from "../../lib/auth/actor";
import { disableTotp } from "../../lib/auth/disable-totp";
import { enableTotp } from "../../lib/auth/enable-totp";
import { createLoginLink } from "../../lib/auth/login-links";
import { hashBackupCode, readTotpSecret, verifySecondFactor } from "../../lib/auth/second-factor";
import { completeSecondFactor, createPendingSignIn } from "../../lib/auth/sign-in";
import { decodeBase32, generateTotpSecret, getTotpCode, getTotpStep } from "../../lib/auth/totp";
import { getDb, type User } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { bumpSessionVersion } from "../../lib/users/bump-session-version";
import { hashPassword } from "../../lib/auth/credentials";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { callAuth, errorOf, sessionCookieOf, signInWithPassword, tokenOfLink, userOfSession } from "./helpers";

const T0 = new Date("2026-03-01T12:00:10Z");

function codeAt(secret: string, when: Date, offsetSteps = 0): string {
  return getTotpCode(decodeBase32(secret), getTotpStep(when) + offsetSteps);
}

forEachDatabase(() => {
  let user: User;
  let secret: string;
  let backupCodes: string[];

  const reload = () => getDb().user.findUniqueOrThrow({ where: { id: user.id } });

  beforeEach(async () => {
    await resetDatabase();
    user = await getDb().user.create({ data: { email: "alice@example.org", passwordHash: await hashPassword("correct horse") } });
    secret = generateTotpSecret();
    // Enabled one step before T0, so T0's code is fresh.
    backupCodes = await enableTotp({ actor: userActor(user.id), secret, code: codeAt(secret, T0, -1), now: T0 });
    user = await reload();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test("enabling stores the secret encrypted, the step used and ten hashed backup codes", async () => {
    expect(user.totpSecret).not.toContain(secret);
    expect(readTotpSecret(user.totpSecret!)).toBe(secret);
    expect(user.totpLastStep).toBe(getTotpStep(T0) - 1);
    expect(backupCodes).toHaveLength(10);
    expect(new Set(backupCodes).size).toBe(10);
    for (const code of backupCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const stored = JSON.parse(user.backupCodes) as string[];
    expect(stored).toEqual(backupCodes.map(hashBackupCode));
    expect(user.backupCodes).not.toContain(backupCodes[0]);
  });

  test("enabling needs a right code and refuses when already on", async () => {
    const other = await getDb().user.create({ data: { email: "bob@example.org" } });
    const s = generateTotpSecret();
    await expect(enableTotp({ actor: userActor(other.id), secret: s, code: "000000", now: T0 })).rejects.toMatchObject({ code: "bad_request" });
    await expect(enableTotp({ actor: userActor(other.id), secret: "not base32!", code: codeAt(s, T0), now: T0 })).rejects.toMatchObject({ code: "bad_request" });
    await expect(enableTotp({ actor: userActor(user.id), secret: s, code: codeAt(s, T0), now: T0 })).rejects.toMatchObject({ code: "conflict" });
  });

  test("a TOTP code works once; the next step's code still works", async () => {
    expect(await verifySecondFactor(user, codeAt(secret, T0), T0)).toBe("ok");
    user = await reload();
    expect(await verifySecondFactor(user, codeAt(secret, T0), T0)).toBe("invalid");
    // A code from before the used step is refused too.
    expect(await verifySecondFactor(user, codeAt(secret, T0, -1), T0)).toBe("invalid");
    expect(await verifySecondFactor(user, codeAt(secret, T0, 1), T0)).toBe("ok");
  });

  test("codes one step away are accepted, two steps away refused", async () => {
    const later = new Date(T0.getTime() + 5 * 30_000);
    expect(await verifySecondFactor(user, codeAt(secret, later, -2), later)).toBe("invalid");
    expect(await verifySecondFactor(user, codeAt(secret, later, 2), later)).toBe("invalid");
    expect(await verifySecondFactor(user, codeAt(secret, later, -1), later)).toBe("ok");
  });

  test("each backup code works once, in any case and without the dash", async () => {
    expect(await verifySecondFactor(user, backupCodes[0].toUpperCase().replace("-", ""), T0)).toBe("ok");
    user = await reload();
    expect(await verifySecondFactor(user, backupCodes[0], T0)).toBe("invalid");
    expect(JSON.parse(user.backupCodes)).toHaveLength(9);
    expect(await verifySecondFactor(user, backupCodes[1], T0)).toBe("ok");
    expect(await verifySecondFactor(user, "aaaaa-aaaaa", T0)).toBe("invalid");
  });

  test("96 codes a day, then refused even when right", async () => {
    for (let i = 0; i < 96; i++) expect(await verifySecondFactor(user, "000000", T0)).not.toBe("rate_limited");
    expect(await verifySecondFactor(user, codeAt(secret, T0), T0)).toBe("rate_limited");
    // A quarter of a day later, a quarter of the bucket is back.
    const later = new Date(T0.getTime() + 6 * 3600_000);
    user = await reload();
    expect(await verifySecondFactor(user, codeAt(secret, later), later)).toBe("ok");
  });

  test("a secret stored in clear by an older version still works and is encrypted by its first use", async () => {
    await getDb().user.update({ where: { id: user.id }, data: { totpSecret: secret } });
    user = await reload();
    expect(await verifySecondFactor(user, codeAt(secret, T0), T0)).toBe("ok");
    user = await reload();
    expect(user.totpSecret).not.toContain(secret);
    expect(readTotpSecret(user.totpSecret!)).toBe(secret);
    expect(await verifySecondFactor(user, codeAt(secret, T0, 1), T0)).toBe("ok");
  });

  test("a backup code also encrypts a secret stored in clear", async () => {
    await getDb().user.update({ where: { id: user.id }, data: { totpSecret: secret } });
    user = await reload();
    expect(await verifySecondFactor(user, backupCodes[2], T0)).toBe("ok");
    expect(readTotpSecret((await reload()).totpSecret!)).toBe(secret);
    expect((await reload()).totpSecret).not.toContain(secret);
  });

  test("a secret encrypted under another SECRET_KEY accepts no code", async () => {
    setEnv({ SECRET_KEY: "another-secret-key" });
    try {
      expect(await verifySecondFactor(user, codeAt(secret, T0), T0)).toBe("invalid");
    } finally {
      setEnv({ SECRET_KEY: "test-secret-key" });
    }
  });

  test("a pending sign-in completes with a code, once", async () => {
    const token = await createPendingSignIn(user, T0);
    expect(await completeSecondFactor(token, "123456", T0)).toEqual({ ok: false, reason: "invalid" });
    const done = await completeSecondFactor(token, codeAt(secret, T0), T0);
    expect(done).toMatchObject({ ok: true, user: { id: user.id } });
    expect(await completeSecondFactor(token, codeAt(secret, T0, 1), T0)).toEqual({ ok: false, reason: "expired" });
  });

  test("a pending sign-in lasts five minutes", async () => {
    const token = await createPendingSignIn(user, T0);
    const late = new Date(T0.getTime() + 301_000);
    expect(await completeSecondFactor(token, codeAt(secret, late), late)).toEqual({ ok: false, reason: "expired" });
    expect(await getDb().verificationToken.count()).toBe(0);
  });

  test("signing out everywhere cancels a pending sign-in", async () => {
    const token = await createPendingSignIn(user, T0);
    await bumpSessionVersion({ actor: userActor(user.id) });
    expect(await completeSecondFactor(token, codeAt(secret, T0), T0)).toEqual({ ok: false, reason: "expired" });
  });

  test("disabling needs a current code and clears everything", async () => {
    await expect(disableTotp({ actor: userActor(user.id), code: "000000", now: T0 })).rejects.toMatchObject({ code: "bad_request" });
    await disableTotp({ actor: userActor(user.id), code: backupCodes[3], now: T0 });
    const after = await reload();
    expect(after).toMatchObject({ totpSecret: null, totpLastStep: null, backupCodes: "[]" });
  });

  test("password sign-in asks for the second factor and completes through next-auth", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    const first = await signInWithPassword("alice@example.org", "correct horse");
    expect(sessionCookieOf(first)).toBeUndefined();
    const error = errorOf(first)!;
    expect(error).toMatch(/^TwoFactorRequired:[A-Za-z0-9_-]+$/);
    const token = error.slice("TwoFactorRequired:".length);

    const wrong = await secondFactor(token, "000000");
    expect(errorOf(wrong)).toBe("InvalidCode");
    const ok = await secondFactor(token, codeAt(secret, T0));
    const cookie = sessionCookieOf(ok);
    expect(cookie).toBeTruthy();
    expect((await userOfSession(cookie!))?.id).toBe(user.id);
  });

  test("a magic link for a two-factor account leads to the code page, not a session", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    const token = tokenOfLink(await createLoginLink(user.email), "/accounts/check-token/");
    const res = await callAuth({ method: "POST", action: "callback", providerId: "email", query: { token }, body: { callbackUrl: "/projects" } });
    expect(sessionCookieOf(res)).toBeUndefined();
    const redirect = new URL(res.redirect!);
    expect(redirect.pathname).toBe("/accounts/login/two-factor");
    const pending = redirect.searchParams.get("token")!;
    const ok = await secondFactor(pending, backupCodes[0]);
    expect((await userOfSession(sessionCookieOf(ok)!))?.id).toBe(user.id);
  });
});

async function secondFactor(token: string, code: string) {
  const csrf = await callAuth({ method: "GET", action: "csrf" });
  const csrfCookie = csrf.cookies.find((c) => c.name === "next-auth.csrf-token")!.value;
  return callAuth({
    method: "POST",
    action: "callback",
    providerId: "second-factor",
    cookies: { "next-auth.csrf-token": csrfCookie },
    body: { csrfToken: (csrf.body as { csrfToken: string }).csrfToken, token, code, json: "true" },
  });
}
