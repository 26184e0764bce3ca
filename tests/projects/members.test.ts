import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { getProjectAccess } from "../../lib/auth/permissions";
import { getDb } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { acceptTransfer } from "../../lib/members/accept-transfer";
import { cancelTransfer } from "../../lib/members/cancel-transfer";
import { inviteMember } from "../../lib/members/invite-member";
import { leaveProject } from "../../lib/members/leave-project";
import { listProjectMembers } from "../../lib/members/list-project-members";
import { removeMember } from "../../lib/members/remove-member";
import { requestTransfer } from "../../lib/members/request-transfer";
import { updateMemberRole } from "../../lib/members/update-member-role";
import { createOwnedProject } from "../../lib/projects/create-owned-project";
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
        const promise = listProjectMembers(userFor(team, who).id, team.project.code);
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
        const promise = inviteMember(userFor(team, who).id, team.project.code, { email: "new@example.org", role: "member" });
        if (!ok) return expectRefused(promise, refusalFor(who), before);
        const result = await promise;
        expect(result.createdUser).toBe(true);
        expect(await memberCode(result.user.id)).toBe("w");
      });
    }

    test("creates an unknown user without a project and returns a sign-in link when SMTP is not set up", async () => {
      const result = await inviteMember(team.alice.id, team.project.code, { email: "  New.Person@Example.org ", role: "readonly" });
      expect(result).toMatchObject({ createdUser: true, emailed: false, mailError: null });
      expect(result.user.email).toBe("new.person@example.org");
      expect(await db().project.count({ where: { ownerId: result.user.id } })).toBe(0);
      expect(await memberCode(result.user.id)).toBe("r");
      expect((await getProjectAccess(result.user.id, team.project.code))?.role).toBe("readonly");
      const link = new URL(result.loginLink!);
      expect(link.pathname).toMatch(/^\/accounts\/check-token\/[A-Za-z0-9_-]+$/);
      expect(link.searchParams.get("next")).toBe(`/projects/${team.project.code}/checks`);
      expect(await db().verificationToken.count({ where: { identifier: "new.person@example.org" } })).toBe(1);
    });

    test("adds a known user with the chosen role and leaves their own projects alone", async () => {
      const result = await inviteMember(team.dave.id, team.project.code, { email: "charlie@example.org", role: "manager" });
      expect(result.createdUser).toBe(false);
      expect(result.user.id).toBe(team.charlie.id);
      expect(await memberCode(team.charlie.id)).toBe("m");
      expect(await db().project.count({ where: { ownerId: team.charlie.id } })).toBe(1);
      expect(await db().user.count()).toBe(5);
    });

    test("refuses people already on the team, the owner included", async () => {
      for (const email of ["bob@example.org", "ALICE@example.org", "erin@example.org"]) {
        const before = await snapshotDb();
        await expectRefused(inviteMember(team.alice.id, team.project.code, { email, role: "member" }), "conflict", before);
      }
    });

    test("refuses a bad address or role", async () => {
      await expect(inviteMember(team.alice.id, team.project.code, { email: "not an email", role: "member" })).rejects.toBeInstanceOf(ZodError);
      await expect(
        inviteMember(team.alice.id, team.project.code, { email: "x@example.org", role: "owner" as "member" }),
      ).rejects.toBeInstanceOf(ZodError);
      expect(await db().user.count()).toBe(5);
    });

    test("allows 20 invites of new people a day per inviter, then refuses", async () => {
      for (let i = 0; i < 20; i++) {
        await inviteMember(team.alice.id, team.project.code, { email: `n${i}@example.org`, role: "member" });
      }
      const before = await snapshotDb();
      await expectRefused(
        inviteMember(team.alice.id, team.project.code, { email: "n20@example.org", role: "member" }),
        "rate_limited",
        before,
      );
      // Another inviter has a budget of their own.
      await inviteMember(team.dave.id, team.project.code, { email: "n21@example.org", role: "member" });
    });

    test("does not count people already in another of the owner's teams", async () => {
      const second = await createOwnedProject(team.alice.id, "Second");
      for (let i = 0; i < 20; i++) {
        await inviteMember(team.alice.id, team.project.code, { email: `n${i}@example.org`, role: "member" });
      }
      // bob is on alice's first team, so adding him to her second one is not rate limited.
      await inviteMember(team.alice.id, second.code, { email: "bob@example.org", role: "member" });
      await expect(inviteMember(team.alice.id, second.code, { email: "charlie@example.org", role: "member" })).rejects.toMatchObject({
        code: "rate_limited",
      });
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

      test("emails the sign-in link instead of returning it", async () => {
        const result = await inviteMember(team.alice.id, team.project.code, { email: "new@example.org", role: "member" });
        expect(result).toMatchObject({ emailed: true, loginLink: null, mailError: null });
        await sink.waitForMessages(1);
        const [mail] = sink.messages;
        expect(mail.to).toMatchObject({ text: "new@example.org" });
        expect(mail.subject).toContain("Alice's Project");
        const link = /https?:\/\/\S+check-token\/\S+/.exec(mail.text ?? "")?.[0];
        expect(link).toBeDefined();
        expect(new URL(link!).searchParams.get("next")).toBe(`/projects/${team.project.code}/checks`);
      });

      test("still adds the member and returns the link when sending fails", async () => {
        await sink.close();
        setEnv({ EMAIL_PORT: "1" });
        const result = await inviteMember(team.alice.id, team.project.code, { email: "new@example.org", role: "member" });
        expect(result.emailed).toBe(false);
        expect(result.loginLink).toContain("/accounts/check-token/");
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
        const promise = updateMemberRole(userFor(team, who).id, team.project.code, team.bob.id, "readonly");
        if (!ok) return expectRefused(promise, refusalFor(who), before);
        await promise;
        expect(await memberCode(team.bob.id)).toBe("r");
      });
    }

    test("cannot change the owner or someone off the team", async () => {
      for (const target of [team.alice.id, team.charlie.id]) {
        const before = await snapshotDb();
        await expectRefused(updateMemberRole(team.dave.id, team.project.code, target, "member"), "not_found", before);
      }
    });

    test("refuses an unknown role", async () => {
      await expect(updateMemberRole(team.alice.id, team.project.code, team.bob.id, "owner" as "member")).rejects.toBeInstanceOf(ZodError);
      expect(await memberCode(team.bob.id)).toBe("w");
    });
  });

  describe("removeMember", () => {
    for (const who of EVERYONE) {
      const ok = MANAGERS.includes(who);
      test(ok ? `lets the ${who} remove a member` : `refuses the ${who} and changes nothing`, async () => {
        const before = await snapshotDb();
        const promise = removeMember(userFor(team, who).id, team.project.code, team.erin.id);
        if (!ok) return expectRefused(promise, refusalFor(who), before);
        await promise;
        expect(await memberCode(team.erin.id)).toBeNull();
        expect(await getProjectAccess(team.erin.id, team.project.code)).toBeNull();
      });
    }

    test("cannot remove the owner", async () => {
      const before = await snapshotDb();
      await expectRefused(removeMember(team.dave.id, team.project.code, team.alice.id), "not_found", before);
    });
  });

  describe("leaveProject", () => {
    for (const who of EVERYONE) {
      test(`${who === "owner" ? "refuses" : who === "outsider" ? "answers not_found to" : "lets"} the ${who}`, async () => {
        const user = userFor(team, who);
        const before = await snapshotDb();
        const promise = leaveProject(user.id, team.project.code);
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
        const promise = requestTransfer(userFor(team, who).id, team.project.code, team.bob.id);
        if (!ok) return expectRefused(promise, refusalFor(who), before);
        expect(await promise).toEqual({ emailed: false });
        const row = await db().member.findFirstOrThrow({ where: { userId: team.bob.id } });
        expect(row.transferRequestDate).toBeInstanceOf(Date);
      });
    }

    test("cannot offer ownership to someone off the team", async () => {
      const before = await snapshotDb();
      await expectRefused(requestTransfer(team.alice.id, team.project.code, team.charlie.id), "not_found", before);
    });

    test("a new offer replaces the earlier one", async () => {
      await requestTransfer(team.alice.id, team.project.code, team.bob.id);
      await requestTransfer(team.alice.id, team.project.code, team.erin.id);
      const offered = await db().member.findMany({ where: { transferRequestDate: { not: null } } });
      expect(offered.map((m) => m.userId)).toEqual([team.erin.id]);
    });

    test("accepting makes the member the owner and the old owner a team member", async () => {
      await requestTransfer(team.alice.id, team.project.code, team.erin.id);
      await acceptTransfer(team.erin.id, team.project.code);
      const project = await db().project.findUniqueOrThrow({ where: { id: team.project.id } });
      expect(project.ownerId).toBe(team.erin.id);
      expect(await memberCode(team.erin.id)).toBeNull();
      expect(await memberCode(team.alice.id)).toBe("w");
      expect((await getProjectAccess(team.erin.id, team.project.code))?.role).toBe("owner");
      expect((await getProjectAccess(team.alice.id, team.project.code))?.role).toBe("member");
      expect(await db().member.count({ where: { transferRequestDate: { not: null } } })).toBe(0);
      // The old owner can no longer act as owner.
      await expect(requestTransfer(team.alice.id, team.project.code, team.bob.id)).rejects.toMatchObject({ code: "forbidden" });
    });

    for (const who of EVERYONE) {
      test(`refuses acceptance by the ${who} when the offer went to someone else`, async () => {
        await requestTransfer(team.alice.id, team.project.code, team.bob.id);
        if (who === "member") return;
        const before = await snapshotDb();
        await expectRefused(acceptTransfer(userFor(team, who).id, team.project.code), refusalFor(who), before);
      });
    }

    test("refuses acceptance without an offer", async () => {
      const before = await snapshotDb();
      await expectRefused(acceptTransfer(team.bob.id, team.project.code), "forbidden", before);
    });

    test("refuses acceptance past the new owner's check limit", async () => {
      await db().user.update({ where: { id: team.bob.id }, data: { checkLimit: 2 } });
      const bobs = await createOwnedProject(team.bob.id, "Bob's");
      await createCheck(bobs.id);
      await createCheck(team.project.id);
      await createCheck(team.project.id);
      await requestTransfer(team.alice.id, team.project.code, team.bob.id);
      const before = await snapshotDb();
      await expectRefused(acceptTransfer(team.bob.id, team.project.code), "conflict", before);
    });

    test("the owner can cancel and the member can decline", async () => {
      await requestTransfer(team.alice.id, team.project.code, team.bob.id);
      await cancelTransfer(team.alice.id, team.project.code);
      expect(await db().member.count({ where: { transferRequestDate: { not: null } } })).toBe(0);
      const afterCancel = await snapshotDb();
      await expectRefused(acceptTransfer(team.bob.id, team.project.code), "forbidden", afterCancel);

      await requestTransfer(team.alice.id, team.project.code, team.bob.id);
      await cancelTransfer(team.bob.id, team.project.code);
      expect(await db().member.count({ where: { transferRequestDate: { not: null } } })).toBe(0);
    });

    test("nobody else can cancel an offer", async () => {
      await requestTransfer(team.alice.id, team.project.code, team.bob.id);
      for (const who of ["manager", "readonly", "outsider"] as const) {
        const before = await snapshotDb();
        await expectRefused(cancelTransfer(userFor(team, who).id, team.project.code), "not_found", before);
      }
    });

    test("emails the member when SMTP is configured", async () => {
      const sink = await startSmtpSink();
      setEnv({ EMAIL_HOST: "127.0.0.1", EMAIL_PORT: String(sink.port), EMAIL_USE_TLS: "False" });
      try {
        expect(await requestTransfer(team.alice.id, team.project.code, team.bob.id)).toEqual({ emailed: true });
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
    await expectRefused(listProjectMembers(team.alice.id, code), "not_found", before);
    await expectRefused(inviteMember(team.alice.id, code, { email: "x@example.org", role: "member" }), "not_found", before);
    await expectRefused(updateMemberRole(team.alice.id, code, team.bob.id, "member"), "not_found", before);
    await expectRefused(removeMember(team.alice.id, code, team.bob.id), "not_found", before);
    await expectRefused(leaveProject(team.bob.id, code), "not_found", before);
    await expectRefused(requestTransfer(team.alice.id, code, team.bob.id), "not_found", before);
    await expectRefused(cancelTransfer(team.alice.id, code), "not_found", before);
    await expectRefused(acceptTransfer(team.bob.id, code), "not_found", before);
  });
});
