import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { SYSTEM, userActor, type Actor } from "../../lib/auth/actor";
import { disableTotp } from "../../lib/auth/disable-totp";
import { enableTotp } from "../../lib/auth/enable-totp";
import { findRemoteUser, findSessionUser } from "../../lib/auth/session";
import { getDb } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { bumpSessionVersion } from "../../lib/users/bump-session-version";
import { closeAccount } from "../../lib/users/close-account";
import { confirmEmailChange, findEmailChange } from "../../lib/users/confirm-email-change";
import { verifyPassword } from "../../lib/auth/credentials";
import { provisionUser } from "../../lib/users/provision-user";
import { requestEmailChange } from "../../lib/users/request-email-change";
import { setPassword } from "../../lib/users/set-password";
import { signUp } from "../../lib/users/sign-up";
import { updateAccountSettings } from "../../lib/users/update-account-settings";
import { createFixtures } from "../fixtures";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { signInWithPassword, sessionCookieOf, tokenOfLink, useMailSink, userOfSession } from "./helpers";

forEachDatabase(() => {
  const sink = useMailSink();
  beforeEach(async () => {
    await resetDatabase();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const linkIn = (i: number) => /https?:\/\/\S+/.exec(sink.messages[i].text ?? "")![0];

  test("provisionUser creates the project, My First Check and a verified email channel attached to it", async () => {
    const { user, project } = await provisionUser(" New@Example.org ", { tz: "Europe/Kiev" });
    expect(user).toMatchObject({ email: "new@example.org", passwordHash: null, tz: "Europe/Kyiv" });
    expect(project.ownerId).toBe(user.id);
    const checks = await getDb().check.findMany({ where: { projectId: project.id }, include: { channels: true } });
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ name: "My First Check", slug: "my-first-check", status: "new" });
    const channels = await getDb().channel.findMany({ where: { projectId: project.id } });
    expect(channels).toHaveLength(1);
    expect(channels[0]).toMatchObject({ kind: "email", emailVerified: true });
    expect(JSON.parse(channels[0].config)).toMatchObject({ value: "new@example.org", up: true, down: true });
    expect(checks[0].channels).toEqual([{ channelId: channels[0].id, checkId: checks[0].id }]);
  });

  test("provisionUser refuses a taken or malformed address and ignores a bad time zone", async () => {
    await provisionUser("new@example.org");
    await expect(provisionUser("NEW@example.org")).rejects.toMatchObject({ code: "conflict" });
    await expect(provisionUser("nope")).rejects.toMatchObject({ code: "bad_request" });
    expect((await provisionUser("tz@example.org", { tz: "Mars/Base" })).user.tz).toBe("UTC");
    expect(await getDb().user.count()).toBe(2);
  });

  test("sign-up provisions a new address and mails a link; an existing address only gets a link", async () => {
    await signUp({ email: "new@example.org", ip: "192.0.2.1", tz: "America/New_York" });
    await sink.waitForMessages(1);
    expect(sink.messages[0].subject).toBe("Sign in to Vigil");
    expect(linkIn(0)).toMatch(/\/accounts\/check-token\//);
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "new@example.org" } });
    expect(user.tz).toBe("America/New_York");

    await signUp({ email: "new@example.org", ip: "192.0.2.1" });
    await sink.waitForMessages(2);
    expect(await getDb().project.count({ where: { ownerId: user.id } })).toBe(1);
  });

  test("sign-up is refused when registration is closed", async () => {
    const { setEnv } = await import("../../lib/env");
    setEnv({ REGISTRATION_OPEN: "False" });
    try {
      await expect(signUp({ email: "new@example.org", ip: "192.0.2.1" })).rejects.toMatchObject({ code: "forbidden" });
      expect(await getDb().user.count()).toBe(0);
    } finally {
      setEnv({ REGISTRATION_OPEN: "True" });
    }
  });

  test("setting a password needs the current one once there is one", async () => {
    const { user } = await provisionUser("alice@example.org");
    await expect(setPassword({ actor: userActor(user.id), password: "short" })).rejects.toMatchObject({ code: "bad_request" });
    const first = await setPassword({ actor: userActor(user.id), password: "correct horse" });
    expect(await verifyPassword("correct horse", first.passwordHash!)).toBe(true);
    await expect(setPassword({ actor: userActor(user.id), password: "battery staple" })).rejects.toMatchObject({ code: "bad_request" });
    await expect(setPassword({ actor: userActor(user.id), currentPassword: "wrong", password: "battery staple" })).rejects.toMatchObject({ code: "bad_request" });
    const second = await setPassword({ actor: userActor(user.id), currentPassword: "correct horse", password: "battery staple" });
    expect(await verifyPassword("battery staple", second.passwordHash!)).toBe(true);
  });

  test("a password change ends sessions issued before it", async () => {
    const { user } = await provisionUser("alice@example.org");
    await setPassword({ actor: userActor(user.id), password: "correct horse" });
    const cookie = sessionCookieOf(await signInWithPassword("alice@example.org", "correct horse"))!;
    expect((await userOfSession(cookie))?.id).toBe(user.id);
    await setPassword({ actor: userActor(user.id), currentPassword: "correct horse", password: "battery staple" });
    expect(await userOfSession(cookie)).toBeNull();
    const fresh = sessionCookieOf(await signInWithPassword("alice@example.org", "battery staple"))!;
    expect((await userOfSession(fresh))?.id).toBe(user.id);
  });

  test("signing out other sessions bumps the session version", async () => {
    const { user } = await provisionUser("alice@example.org");
    expect(await findSessionUser({ uid: user.id, sv: 0 })).not.toBeNull();
    const bumped = await bumpSessionVersion({ actor: userActor(user.id) });
    expect(bumped.sessionVersion).toBe(1);
    expect(await findSessionUser({ uid: user.id, sv: 0 })).toBeNull();
    expect(await findSessionUser({ uid: user.id, sv: 1 })).not.toBeNull();
    expect(await findSessionUser({ uid: "1", sv: 1 })).toBeNull();
  });

  test("an email change is confirmed by a link mailed to the new address, once", async () => {
    const { user } = await provisionUser("alice@example.org");
    await requestEmailChange({ actor: userActor(user.id), newEmail: "Alice.New@Example.org" });
    await sink.waitForMessages(1);
    const mail = sink.messages[0];
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : "").toBe("alice.new@example.org");
    expect(mail.subject).toMatch(/confirm your new email address/i);
    const token = tokenOfLink(linkIn(0), "/accounts/change-email/");
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe("alice@example.org");
    expect(await findEmailChange(token)).toMatchObject({ userId: user.id, newEmail: "alice.new@example.org" });

    const changed = await confirmEmailChange(token);
    expect(changed.email).toBe("alice.new@example.org");
    expect(changed.emailVerified).toBeInstanceOf(Date);
    await expect(confirmEmailChange(token)).rejects.toMatchObject({ code: "not_found" });
  });

  test("an email-change link expires after one hour", async () => {
    const { user } = await provisionUser("alice@example.org");
    await requestEmailChange({ actor: userActor(user.id), newEmail: "new@example.org" });
    await sink.waitForMessages(1);
    const token = tokenOfLink(linkIn(0), "/accounts/change-email/");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 3601_000);
    await expect(confirmEmailChange(token)).rejects.toMatchObject({ code: "not_found" });
  });

  test("an email change refuses a taken, unchanged or malformed address", async () => {
    const { user } = await provisionUser("alice@example.org");
    await provisionUser("bob@example.org");
    await expect(requestEmailChange({ actor: userActor(user.id), newEmail: "bob@example.org" })).rejects.toMatchObject({ code: "conflict" });
    await expect(requestEmailChange({ actor: userActor(user.id), newEmail: "ALICE@example.org" })).rejects.toMatchObject({ code: "bad_request" });
    await expect(requestEmailChange({ actor: userActor(user.id), newEmail: "bob" })).rejects.toMatchObject({ code: "bad_request" });
  });

  test("an email change loses to an account that took the address meanwhile", async () => {
    const { user } = await provisionUser("alice@example.org");
    await requestEmailChange({ actor: userActor(user.id), newEmail: "new@example.org" });
    await sink.waitForMessages(1);
    await provisionUser("new@example.org");
    await expect(confirmEmailChange(tokenOfLink(linkIn(0), "/accounts/change-email/"))).rejects.toMatchObject({ code: "conflict" });
  });

  test("closing the account removes owned projects and memberships, not other people's projects", async () => {
    const { alice, bob, project, charliesProject } = await createFixtures();
    const bobsOwn = (await provisionUser("bob2@example.org")).project;
    await expect(closeAccount({ actor: userActor(bob.id), confirmation: "alice@example.org" })).rejects.toBeInstanceOf(AppError);

    await closeAccount({ actor: userActor(alice.id), confirmation: " ALICE@example.org " });
    const db = getDb();
    expect(await db.user.findUnique({ where: { id: alice.id } })).toBeNull();
    expect(await db.project.findUnique({ where: { id: project.id } })).toBeNull();
    expect(await db.member.count({ where: { projectId: project.id } })).toBe(0);
    expect(await db.check.count({ where: { projectId: project.id } })).toBe(0);
    expect(await db.project.findUnique({ where: { id: charliesProject.id } })).not.toBeNull();
    expect(await db.project.findUnique({ where: { id: bobsOwn.id } })).not.toBeNull();

    // A member's account closing leaves the project and only drops the membership.
    const { user: carol } = await provisionUser("carol@example.org");
    await db.member.create({ data: { userId: carol.id, projectId: charliesProject.id, role: "w" } });
    await closeAccount({ actor: userActor(carol.id), confirmation: "carol@example.org" });
    expect(await db.project.findUnique({ where: { id: charliesProject.id } })).not.toBeNull();
    expect(await db.member.count({ where: { projectId: charliesProject.id } })).toBe(0);
  });

  test("account settings are validated and stored", async () => {
    const { user } = await provisionUser("alice@example.org");
    const updated = await updateAccountSettings({ actor: userActor(user.id), settings: { tz: "US/Eastern", theme: "dark", reports: "weekly", nagPeriod: "3600" } });
    expect(updated).toMatchObject({ tz: "America/New_York", theme: "dark", reports: "weekly", nagPeriod: 3600 });
    await expect(updateAccountSettings({ actor: userActor(user.id), settings: { tz: "Nowhere/Land", theme: "dark", reports: "weekly", nagPeriod: 0 } })).rejects.toThrow(/time zone/);
    await expect(updateAccountSettings({ actor: userActor(user.id), settings: { tz: "UTC", theme: "pink", reports: "weekly", nagPeriod: 0 } })).rejects.toThrow();
    await expect(updateAccountSettings({ actor: userActor(user.id), settings: { tz: "UTC", theme: "dark", reports: "hourly", nagPeriod: 0 } })).rejects.toThrow();
    await expect(updateAccountSettings({ actor: userActor(user.id), settings: { tz: "UTC", theme: "dark", reports: "off", nagPeriod: 60 } })).rejects.toThrow();
  });

  test("account verbs act only for a signed-in person, on their own account", async () => {
    const { user, project } = await provisionUser("alice@example.org");
    const others: Actor[] = [SYSTEM, { type: "apiKey", project, readOnly: false }, { type: "agent", agentId: 1 }];
    const before = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    for (const actor of others) {
      for (const attempt of [
        () => setPassword({ actor, password: "correct horse" }),
        () => bumpSessionVersion({ actor }),
        () => updateAccountSettings({ actor, settings: { tz: "UTC", theme: "dark", reports: "off", nagPeriod: 0 } }),
        () => requestEmailChange({ actor, newEmail: "new@example.org" }),
        () => closeAccount({ actor, confirmation: "alice@example.org" }),
        () => enableTotp({ actor, secret: "JBSWY3DPEHPK3PXPJBSWY3DP", code: "123456" }),
        () => disableTotp({ actor, code: "123456" }),
      ]) {
        await expect(attempt()).rejects.toMatchObject({ code: "forbidden" });
      }
    }
    expect(await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
    await expect(setPassword({ actor: userActor(user.id + 1000), password: "correct horse" })).rejects.toMatchObject({ code: "not_found" });
  });

  test("the trusted proxy header signs in existing users and provisions new ones", async () => {
    const { user } = await provisionUser("alice@example.org");
    expect((await findRemoteUser("Alice@Example.org"))?.id).toBe(user.id);
    const created = await findRemoteUser("newcomer@example.org");
    expect(created?.email).toBe("newcomer@example.org");
    expect(await getDb().check.count({ where: { project: { ownerId: created!.id } } })).toBe(1);
    expect(await findRemoteUser("")).toBeNull();
    expect(await findRemoteUser(null)).toBeNull();
    expect(await findRemoteUser("not an address")).toBeNull();
    const [a, b] = await Promise.all([findRemoteUser("race@example.org"), findRemoteUser("race@example.org")]);
    expect(a?.id).toBe(b?.id);
  });
});
