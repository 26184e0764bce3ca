import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { userActor } from "../../lib/auth/actor";
import { getProjectAccess } from "../../lib/auth/permissions";
import { getDb } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { acceptTransfer } from "../../lib/members/accept-transfer";
import { cancelTransfer } from "../../lib/members/cancel-transfer";
import { inviteMember } from "../../lib/members/invite-member";
import { leaveProject } from "../../lib/members/leave-project";
import { listProjectMembers } from "../../lib/members/team";
import { removeMember } from "../../lib/members/remove-member";
import { requestTransfer } from "../../lib/members/request-transfer";
import { updateMemberRole } from "../../lib/members/update-member-role";
import { createProject } from "../../lib/projects/create-project";
import { createCheck } from "../fixtures";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { startSmtpSink, type SmtpSink } from "../helpers/alerts";
import { createTeam, EVERYONE, expectRefused, refusalFor, snapshotDb, userFor, type Team, type Who } from "./helpers";

const MANAGERS: readonly Who[] = ["owner", "manager"];

forEachDatabase(() => {
  let team: Team;
  const db = () => getDb();
  beforeEach(async () => {
    await resetDatabase();
    team = await createTeam();
  });

  async function memberCode(userId: number): Promise<string | null> {
    const row = await db().member.findUnique({ where: { userId_projectId: { userId, projectId: team.project.id } } });
    return row?.role ?? null;
  }

  describe("listProjectMembers", () => {
    for (const who of EVERYONE) {
      test(who === "outsider" ? "hides the team from an outsider" : `shows the team to the ${who}`, async () => {
        const before = await snapshotDb();
        const promise = listProjectMembers({ actor: userActor(userFor(team, who).id), projectCode: team.project.code });
        if (who === "outsider") return expectRefused(promise, "not_found", before);
        const { owner, members } = await promise;
        expect(owner.email).toBe("alice@example.org");
        expect(members.map((m) => [m.email, m.role])).toEqual([
          ["bob@example.org", "member"],
          ["dave@example.org", "manager"],
          ["erin@example.org", "readonly"],
        ]);
      });
    }
  });

  describe("inviteMember", () => {
    for (const who of EVERYONE) {
      const ok = MANAGERS.includes(who);
      test(ok ? `lets the ${who} invite` : `refuses an invite from the ${who} and changes nothing`, async () => {
        const before = await snapshotDb();
        const promise = inviteMember({ actor: userActor(userFor(team, who).id), projectCode: team.project.code, email: "new@example.org", role: "member" });
        if (!ok) return expectRefused(promise, refusalFor(who), before);
        const result = await promise;
        expect(result.createdUser).toBe(true);
        expect(await memberCode(result.user.id)).toBe("w");
      });
    }

    test("creates an unknown user without a project and returns a set-up link when SMTP is not set up", async () => {
      const result = await inviteMember({ actor: userActor(team.alice.id), projectCode: team.project.code, email: "  New.Person@Example.org ", role: "readonly" });
      expect(result).toMatchObject({ createdUser: true, emailed: false, mailError: null });
      expect(result.user.email).toBe("new.person@example.org");
      expect(await db().project.count({ where: { ownerId: result.user.id } })).toBe(0);
      expect(await memberCode(result.user.id)).toBe("r");
      expect((await getProjectAccess(result.user.id, team.project.code))?.role).toBe("readonly");
      const link = new URL(result.setupLink!);
      expect(link.pathname).toMatch(/^\/accounts\/check-token\/[A-Za-z0-9_-]+$/);
      expect(link.searchParams.get("next")).toBe(`/projects/${team.project.code}/checks`);
      expect(await db().verificationToken.count({ where: { identifier: `~setup:${result.user.id}` } })).toBe(1);
      // Not a sign-in link for the address: those work for as long as the account exists.
      expect(await db().verificationToken.count({ where: { identifier: "new.person@example.org" } })).toBe(0);
    });

    test("adds a known user with the chosen role and leaves their own projects alone", async () => {
      const result = await inviteMember({ actor: userActor(team.dave.id), projectCode: team.project.code, email: "charlie@example.org", role: "manager" });
      expect(result).toMatchObject({ createdUser: false, emailed: false, setupLink: null });
      expect(result.user.id).toBe(team.charlie.id);
      expect(await memberCode(team.charlie.id)).toBe("m");
      expect(await db().project.count({ where: { ownerId: team.charlie.id } })).toBe(1);
      expect(await db().user.count()).toBe(5);
    });

    test("refuses people already on the team, the owner included", async () => {
      for (const email of ["bob@example.org", "ALICE@example.org", "erin@example.org"]) {
        const before = await snapshotDb();
        await expectRefused(inviteMember({ actor: userActor(team.alice.id), projectCode: team.project.code, email, role: "member" }), "conflict", before);
      }
    });

    test("refuses a bad address or role", async () => {
      await expect(inviteMember({ actor: userActor(team.alice.id), projectCode: team.project.code, email: "not an email", role: "member" })).rejects.toBeInstanceOf(ZodError);
      await expect(
        inviteMember({ actor: userActor(team.alice.id), projectCode: team.project.code, email: "x@example.org", role: "owner" as "member" }),
      ).rejects.toBeInstanceOf(ZodError);
      expect(await db().user.count()).toBe(5);
    });

    test("allows 20 invites of new people a day per inviter, then refuses", async () => {
      for (let i = 0; i < 20; i++) {
        await inviteMember({ actor: userActor(team.alice.id), projectCode: team.project.code, email: `n${i}@example.org`, role: "member" });
      }
      const before = await snapshotDb();
      await expectRefused(
        inviteMember({ actor: userActor(team.alice.id), projectCode: team.project.code, email: "n20@example.org", role: "member" }),
        "rate_limited",
        before,
      );
      // Another inviter has a budget of their own.
      await inviteMember({ actor: userActor(team.dave.id), projectCode: team.project.code, email: "n21@example.org", role: "member" });
    });

    test("does not count people already in another of the owner's teams", async () => {
      const second = await createProject({ actor: userActor(team.alice.id), name: "Second" });
      for (let i = 0; i < 20; i++) {
        await inviteMember({ actor: userActor(team.alice.id), projectCode: team.project.code, email: `n${i}@example.org`, role: "member" });
      }
      // bob is on alice's first team, so adding him to her second one is not rate limited.
      await inviteMember({ actor: userActor(team.alice.id), projectCode: second.code, email: "bob@example.org", role: "member" });
      await expect(inviteMember({ actor: userActor(team.alice.id), projectCode: second.code, email: "charlie@example.org", role: "member" })).rejects.toMatchObject({
        code: "rate_limited",
      });
    });

    test("never makes a sign-in link for an address that has an account", async () => {
      for (const email of ["charlie@example.org", "CHARLIE@example.org "]) {
        await db().member.deleteMany({ where: { userId: team.charlie.id } });
        const result = await inviteMember({ actor: userActor(team.alice.id), projectCode: team.project.code, email, role: "member" });
        expect(result).toMatchObject({ createdUser: false, emailed: false, setupLink: null, mailError: null });
        expect(await memberCode(team.charlie.id)).toBe("w");
        expect(await db().verificationToken.count()).toBe(0);
      }
    });

    test("an inviter cannot sign in as an existing account, with or without two-factor", async () => {
      // The account takeover the reliability review found: bob invites alice into his project.
      const bobs = await createProject({ actor: userActor(team.bob.id), name: "Bob's" });
      const result = await inviteMember({ actor: userActor(team.bob.id), projectCode: bobs.code, email: "alice@example.org", role: "readonly" });
      expect(result.setupLink).toBeNull();
      expect(JSON.stringify(result)).not.toContain("check-token");
      expect(await db().verificationToken.count()).toBe(0);
    });

    describe("with SMTP configured", () => {
      let sink: SmtpSink;
      beforeEach(async () => {
        sink = await startSmtpSink();
        setEnv({ EMAIL_HOST: "127.0.0.1", EMAIL_PORT: String(sink.port), EMAIL_USE_TLS: "False" });
      });
      afterEach(async () => {
        setEnv({ EMAIL_HOST: undefined, EMAIL_PORT: undefined, EMAIL_USE_TLS: undefined });
        await sink.close();
      });

      test("emails a new person the set-up link instead of returning it", async () => {
        const result = await inviteMember({ actor: userActor(team.alice.id), projectCode: team.project.code, email: "new@example.org", role: "member" });
        expect(result).toMatchObject({ emailed: true, setupLink: null, mailError: null });
        await sink.waitForMessages(1);
        const [mail] = sink.messages;
        expect(mail.to).toMatchObject({ text: "new@example.org" });
        expect(mail.subject).toContain("Alice's Project");
        const link = /https?:\/\/\S+check-token\/\S+/.exec(mail.text ?? "")?.[0];
        expect(link).toBeDefined();
        expect(new URL(link!).searchParams.get("next")).toBe(`/projects/${team.project.code}/checks`);
      });

      test("tells an existing account it was added, with no link that signs in", async () => {
        const result = await inviteMember({ actor: userActor(team.alice.id), projectCode: team.project.code, email: "charlie@example.org", role: "readonly" });
        expect(result).toMatchObject({ createdUser: false, emailed: true, setupLink: null, mailError: null });
        await sink.waitForMessages(1);
        const [mail] = sink.messages;
        expect(mail.to).toMatchObject({ text: "charlie@example.org" });
        expect(mail.text).toContain("as a read-only member");
        expect(mail.text).toContain("http://localhost:8000/accounts/login");
        expect(mail.text).not.toContain("check-token");
        expect(await db().verificationToken.count()).toBe(0);
      });

      test("returns no link for an existing account when sending fails", async () => {
        await sink.close();
        setEnv({ EMAIL_PORT: "1" });
        const result = await inviteMember({ actor: userActor(team.alice.id), projectCode: team.project.code, email: "charlie@example.org", role: "member" });
        expect(result).toMatchObject({ createdUser: false, emailed: false, setupLink: null });
        expect(result.mailError).toBeTruthy();
        expect(await memberCode(team.charlie.id)).toBe("w");
        expect(await db().verificationToken.count()).toBe(0);
        sink = await startSmtpSink();
      });

      test("still adds a new person and returns their set-up link when sending fails", async () => {
        await sink.close();
        setEnv({ EMAIL_PORT: "1" });
        const result = await inviteMember({ actor: userActor(team.alice.id), projectCode: team.project.code, email: "new@example.org", role: "member" });
        expect(result.emailed).toBe(false);
        expect(result.setupLink).toContain("/accounts/check-token/");
        expect(result.mailError).toBeTruthy();
        expect(await memberCode(result.user.id)).toBe("w");
        sink = await startSmtpSink();
      });
    });
  });

  describe("updateMemberRole", () => {
    for (const who of EVERYONE) {
      const ok = MANAGERS.includes(who);
      test(ok ? `lets the ${who} change a role` : `refuses the ${who} and changes nothing`, async () => {
        const before = await snapshotDb();
        const promise = updateMemberRole({ actor: userActor(userFor(team, who).id), projectCode: team.project.code, memberUserId: team.bob.id, role: "readonly" });
        if (!ok) return expectRefused(promise, refusalFor(who), before);
        await promise;
        expect(await memberCode(team.bob.id)).toBe("r");
      });
    }

    test("cannot change the owner or someone off the team", async () => {
      for (const target of [team.alice.id, team.charlie.id]) {
        const before = await snapshotDb();
        await expectRefused(updateMemberRole({ actor: userActor(team.dave.id), projectCode: team.project.code, memberUserId: target, role: "member" }), "not_found", before);
      }
    });

    test("refuses an unknown role", async () => {
      await expect(updateMemberRole({ actor: userActor(team.alice.id), projectCode: team.project.code, memberUserId: team.bob.id, role: "owner" as "member" })).rejects.toBeInstanceOf(ZodError);
      expect(await memberCode(team.bob.id)).toBe("w");
    });
  });

  describe("removeMember", () => {
    for (const who of EVERYONE) {
      const ok = MANAGERS.includes(who);
      test(ok ? `lets the ${who} remove a member` : `refuses the ${who} and changes nothing`, async () => {
        const before = await snapshotDb();
        const promise = removeMember({ actor: userActor(userFor(team, who).id), projectCode: team.project.code, memberUserId: team.erin.id });
        if (!ok) return expectRefused(promise, refusalFor(who), before);
        await promise;
        expect(await memberCode(team.erin.id)).toBeNull();
        expect(await getProjectAccess(team.erin.id, team.project.code)).toBeNull();
      });
    }

    test("cannot remove the owner", async () => {
      const before = await snapshotDb();
      await expectRefused(removeMember({ actor: userActor(team.dave.id), projectCode: team.project.code, memberUserId: team.alice.id }), "not_found", before);
    });
  });

  describe("leaveProject", () => {
    for (const who of EVERYONE) {
      test(`${who === "owner" ? "refuses" : who === "outsider" ? "answers not_found to" : "lets"} the ${who}`, async () => {
        const user = userFor(team, who);
        const before = await snapshotDb();
        const promise = leaveProject({ actor: userActor(user.id), projectCode: team.project.code });
        if (who === "owner") return expectRefused(promise, "bad_request", before);
        if (who === "outsider") return expectRefused(promise, "not_found", before);
        await promise;
        expect(await memberCode(user.id)).toBeNull();
        expect(await db().member.count()).toBe(2);
      });
    }
  });

  describe("ownership transfer", () => {
    for (const who of EVERYONE) {
      const ok = who === "owner";
      test(ok ? "lets the owner offer ownership" : `refuses an offer from the ${who}`, async () => {
        const before = await snapshotDb();
        const promise = requestTransfer({ actor: userActor(userFor(team, who).id), projectCode: team.project.code, memberUserId: team.bob.id });
        if (!ok) return expectRefused(promise, refusalFor(who), before);
        expect(await promise).toEqual({ emailed: false });
        const row = await db().member.findFirstOrThrow({ where: { userId: team.bob.id } });
        expect(row.transferRequestDate).toBeInstanceOf(Date);
      });
    }

    test("cannot offer ownership to someone off the team", async () => {
      const before = await snapshotDb();
      await expectRefused(requestTransfer({ actor: userActor(team.alice.id), projectCode: team.project.code, memberUserId: team.charlie.id }), "not_found", before);
    });

    test("a new offer replaces the earlier one", async () => {
      await requestTransfer({ actor: userActor(team.alice.id), projectCode: team.project.code, memberUserId: team.bob.id });
      await requestTransfer({ actor: userActor(team.alice.id), projectCode: team.project.code, memberUserId: team.erin.id });
      const offered = await db().member.findMany({ where: { transferRequestDate: { not: null } } });
      expect(offered.map((m) => m.userId)).toEqual([team.erin.id]);
    });

    test("accepting makes the member the owner and the old owner a team member", async () => {
      await requestTransfer({ actor: userActor(team.alice.id), projectCode: team.project.code, memberUserId: team.erin.id });
      await acceptTransfer({ actor: userActor(team.erin.id), projectCode: team.project.code });
      const project = await db().project.findUniqueOrThrow({ where: { id: team.project.id } });
      expect(project.ownerId).toBe(team.erin.id);
      expect(await memberCode(team.erin.id)).toBeNull();
      expect(await memberCode(team.alice.id)).toBe("w");
      expect((await getProjectAccess(team.erin.id, team.project.code))?.role).toBe("owner");
      expect((await getProjectAccess(team.alice.id, team.project.code))?.role).toBe("member");
      expect(await db().member.count({ where: { transferRequestDate: { not: null } } })).toBe(0);
      // The old owner can no longer act as owner.
      await expect(requestTransfer({ actor: userActor(team.alice.id), projectCode: team.project.code, memberUserId: team.bob.id })).rejects.toMatchObject({ code: "forbidden" });
    });

    for (const who of EVERYONE) {
      test(`refuses acceptance by the ${who} when the offer went to someone else`, async () => {
        await requestTransfer({ actor: userActor(team.alice.id), projectCode: team.project.code, memberUserId: team.bob.id });
        if (who === "member") return;
        const before = await snapshotDb();
        await expectRefused(acceptTransfer({ actor: userActor(userFor(team, who).id), projectCode: team.project.code }), refusalFor(who), before);
      });
    }

    test("refuses acceptance without an offer", async () => {
      const before = await snapshotDb();
      await expectRefused(acceptTransfer({ actor: userActor(team.bob.id), projectCode: team.project.code }), "forbidden", before);
    });

    test("refuses acceptance past the new owner's check limit", async () => {
      await db().user.update({ where: { id: team.bob.id }, data: { checkLimit: 2 } });
      const bobs = await createProject({ actor: userActor(team.bob.id), name: "Bob's" });
      await createCheck(bobs.id);
      await createCheck(team.project.id);
      await createCheck(team.project.id);
      await requestTransfer({ actor: userActor(team.alice.id), projectCode: team.project.code, memberUserId: team.bob.id });
      const before = await snapshotDb();
      await expectRefused(acceptTransfer({ actor: userActor(team.bob.id), projectCode: team.project.code }), "conflict", before);
    });

    test("the owner can cancel and the member can decline", async () => {
      await requestTransfer({ actor: userActor(team.alice.id), projectCode: team.project.code, memberUserId: team.bob.id });
      await cancelTransfer({ actor: userActor(team.alice.id), projectCode: team.project.code });
      expect(await db().member.count({ where: { transferRequestDate: { not: null } } })).toBe(0);
      const afterCancel = await snapshotDb();
      await expectRefused(acceptTransfer({ actor: userActor(team.bob.id), projectCode: team.project.code }), "forbidden", afterCancel);

      await requestTransfer({ actor: userActor(team.alice.id), projectCode: team.project.code, memberUserId: team.bob.id });
      await cancelTransfer({ actor: userActor(team.bob.id), projectCode: team.project.code });
      expect(await db().member.count({ where: { transferRequestDate: { not: null } } })).toBe(0);
    });

    test("nobody else can cancel an offer", async () => {
      await requestTransfer({ actor: userActor(team.alice.id), projectCode: team.project.code, memberUserId: team.bob.id });
      for (const who of ["manager", "readonly", "outsider"] as const) {
        const before = await snapshotDb();
        await expectRefused(cancelTransfer({ actor: userActor(userFor(team, who).id), projectCode: team.project.code }), "not_found", before);
      }
    });

    test("emails the member when SMTP is configured", async () => {
      const sink = await startSmtpSink();
      setEnv({ EMAIL_HOST: "127.0.0.1", EMAIL_PORT: String(sink.port), EMAIL_USE_TLS: "False" });
      try {
        expect(await requestTransfer({ actor: userActor(team.alice.id), projectCode: team.project.code, memberUserId: team.bob.id })).toEqual({ emailed: true });
        await sink.waitForMessages(1);
        expect(sink.messages[0].text).toContain(`/projects/${team.project.code}/settings`);
      } finally {
        setEnv({ EMAIL_HOST: undefined, EMAIL_PORT: undefined, EMAIL_USE_TLS: undefined });
        await sink.close();
      }
    });
  });

  test("unknown projects are not found for every team function", async () => {
    const code = randomUUID();
    const before = await snapshotDb();
    await expectRefused(listProjectMembers({ actor: userActor(team.alice.id), projectCode: code }), "not_found", before);
    await expectRefused(inviteMember({ actor: userActor(team.alice.id), projectCode: code, email: "x@example.org", role: "member" }), "not_found", before);
    await expectRefused(updateMemberRole({ actor: userActor(team.alice.id), projectCode: code, memberUserId: team.bob.id, role: "member" }), "not_found", before);
    await expectRefused(removeMember({ actor: userActor(team.alice.id), projectCode: code, memberUserId: team.bob.id }), "not_found", before);
    await expectRefused(leaveProject({ actor: userActor(team.bob.id), projectCode: code }), "not_found", before);
    await expectRefused(requestTransfer({ actor: userActor(team.alice.id), projectCode: code, memberUserId: team.bob.id }), "not_found", before);
    await expectRefused(cancelTransfer({ actor: userActor(team.alice.id), projectCode: code }), "not_found", before);
    await expectRefused(acceptTransfer({ actor: userActor(team.bob.id), projectCode: code }), "not_found", before);
  });
});
