import { beforeEach, expect, test } from "vitest";
import { requestLoginLink } from "../../lib/auth/request-login-link";
import { authorizePassword } from "../../lib/auth/sign-in";
import { getDb } from "../../lib/db";
import { consumeToken } from "../../lib/rate-limit/consume-token";
import { allowLoginLink } from "../../lib/rate-limit/rate-limits";
import { hashPassword } from "../../lib/auth/credentials";
import { signUp } from "../../lib/users/sign-up";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { errorOf, signInWithPassword, useMailSink } from "./helpers";

const T0 = new Date("2026-03-01T12:00:00Z");
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
// Each password check is a real scrypt (tens of milliseconds, more on a busy machine).
const SCRYPT_HEAVY_TIMEOUT = 180_000;

forEachDatabase(() => {
  const sink = useMailSink();
  beforeEach(async () => {
    await resetDatabase();
  });

  test("a bucket allows its capacity, then refuses until it refills", async () => {
    for (let i = 0; i < 3; i++) expect(await consumeToken("k", 3, 3600, T0)).toBe(true);
    expect(await consumeToken("k", 3, 3600, T0)).toBe(false);
    expect(await consumeToken("k", 3, 3600, later(1100))).toBe(false);
    expect(await consumeToken("k", 3, 3600, later(1250))).toBe(true);
    expect(await consumeToken("other", 3, 3600, T0)).toBe(true);
  });

  test("keys are stored hashed", async () => {
    await consumeToken("login-link:alice@example.org", 10, 3600, T0);
    const [row] = await getDb().tokenBucket.findMany();
    expect(row.value).toMatch(/^rl-[0-9a-f]{64}$/);
    expect(row.value).not.toContain("alice");
  });

  test("concurrent attempts never take more than the capacity", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => consumeToken("burst", 20, 3600, T0)));
    expect(results.filter(Boolean).length).toBeLessThanOrEqual(20);
  });

  test("ten links per address per hour, shared by dotted and +alias spellings", async () => {
    for (let i = 0; i < 5; i++) expect(await allowLoginLink("alice@example.org", T0)).toBe(true);
    for (let i = 0; i < 5; i++) expect(await allowLoginLink(`a.lice+${i}@example.org`, T0)).toBe(true);
    expect(await allowLoginLink("ALICE@example.org", T0)).toBe(false);
    expect(await allowLoginLink("alice@example.org", later(3600))).toBe(true);
  });

  test("requestLoginLink stops at ten links per address per hour with a clear message", async () => {
    await getDb().user.create({ data: { email: "alice@example.org" } });
    for (let i = 0; i < 10; i++) await requestLoginLink({ email: "alice@example.org", ip: `198.51.100.${i}` }, T0);
    await expect(requestLoginLink({ email: "alice@example.org", ip: "198.51.100.99" }, T0)).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/too many attempts/i),
    });
    await sink.waitForMessages(10);
    expect(sink.messages).toHaveLength(10);
  });

  test("twenty sign-in or sign-up attempts per IP per hour", async () => {
    for (let i = 0; i < 20; i++) await signUp({ email: `user${i}@example.org`, ip: "203.0.113.5" }, T0);
    await expect(signUp({ email: "user20@example.org", ip: "203.0.113.5" }, T0)).rejects.toMatchObject({ code: "rate_limited" });
    await expect(requestLoginLink({ email: "user1@example.org", ip: "203.0.113.5" }, T0)).rejects.toMatchObject({ code: "rate_limited" });
    expect(await authorizePassword({ email: "user1@example.org", password: "x", ip: "203.0.113.5" }, T0)).toEqual({ kind: "error", error: "rate_limited" });
    // Another address is not affected.
    await signUp({ email: "user20@example.org", ip: "203.0.113.6" }, T0);
  });

  test("twenty password attempts per account from one address per day, right password included", async () => {
    await getDb().user.create({ data: { email: "alice@example.org", passwordHash: await hashPassword("correct horse") } });
    for (let i = 0; i < 20; i++) {
      const result = await authorizePassword({ email: "alice@example.org", password: "wrong", ip: "198.51.100.1" }, later(i * 180));
      expect(result).toEqual({ kind: "error", error: "invalid" });
    }
    const blocked = await authorizePassword({ email: "a.lice+x@example.org", password: "correct horse", ip: "198.51.100.1" }, later(3600));
    expect(blocked).toEqual({ kind: "error", error: "rate_limited" });
    const nextDay = await authorizePassword({ email: "alice@example.org", password: "correct horse", ip: "198.51.100.1" }, later(86_400 + 3600));
    expect(nextDay).toMatchObject({ kind: "signed_in" });
  }, SCRYPT_HEAVY_TIMEOUT);

  test("wrong passwords from other addresses do not lock the owner out", async () => {
    await getDb().user.create({ data: { email: "alice@example.org", passwordHash: await hashPassword("correct horse") } });
    // Two addresses, each slow enough to stay under the per-address hourly limit.
    for (let i = 0; i < 20; i++) {
      for (const ip of ["198.51.100.1", "198.51.100.2"]) {
        expect(await authorizePassword({ email: "alice@example.org", password: "wrong", ip }, later(i * 180))).toEqual({ kind: "error", error: "invalid" });
      }
    }
    const owner = await authorizePassword({ email: "alice@example.org", password: "correct horse", ip: "203.0.113.9" }, later(3600));
    expect(owner).toMatchObject({ kind: "signed_in", user: { email: "alice@example.org" } });
    // Each attacking address has used up its own attempts on this account.
    const attacker = await authorizePassword({ email: "alice@example.org", password: "correct horse", ip: "198.51.100.2" }, later(3600));
    expect(attacker).toEqual({ kind: "error", error: "rate_limited" });
  }, SCRYPT_HEAVY_TIMEOUT);

  test("a right password clears that address's earlier misses", async () => {
    await getDb().user.create({ data: { email: "alice@example.org", passwordHash: await hashPassword("correct horse") } });
    for (let i = 0; i < 19; i++) await authorizePassword({ email: "alice@example.org", password: "wrong", ip: "198.51.100.1" }, later(i * 180));
    expect(await authorizePassword({ email: "alice@example.org", password: "correct horse", ip: "198.51.100.1" }, later(3600))).toMatchObject({
      kind: "signed_in",
    });
    for (let i = 0; i < 19; i++) {
      expect(await authorizePassword({ email: "alice@example.org", password: "wrong", ip: "198.51.100.1" }, later(7200 + i * 180))).toEqual({
        kind: "error",
        error: "invalid",
      });
    }
  }, SCRYPT_HEAVY_TIMEOUT);

  test("twenty sign-in attempts per address per hour, over all accounts", async () => {
    for (let i = 0; i < 20; i++) {
      expect(await authorizePassword({ email: `user${i}@example.org`, password: "x", ip: "198.51.100.7" }, T0)).toEqual({ kind: "error", error: "invalid" });
    }
    expect(await authorizePassword({ email: "user20@example.org", password: "x", ip: "198.51.100.7" }, T0)).toEqual({
      kind: "error",
      error: "rate_limited",
    });
  });

  test("over the limit, next-auth answers with the RateLimited code (never a 500)", async () => {
    await getDb().user.create({ data: { email: "alice@example.org", passwordHash: await hashPassword("correct horse") } });
    for (let i = 0; i < 20; i++) await signInWithPassword("alice@example.org", "wrong", "192.0.2.77");
    const res = await signInWithPassword("alice@example.org", "correct horse", "192.0.2.77");
    expect(res.status).toBe(401);
    expect(errorOf(res)).toBe("RateLimited");
  });
});

