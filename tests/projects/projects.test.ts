import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { SYSTEM, userActor } from "../../lib/auth/actor";
import { can, type ProjectAction } from "../../lib/auth/permissions";
import { getDb } from "../../lib/db";
import { createApiKey } from "../../lib/projects/create-api-key";
import { createPingKey } from "../../lib/projects/create-ping-key";
import { createProject } from "../../lib/projects/create-project";
import { deleteApiKey } from "../../lib/projects/delete-api-key";
import { deletePingKey } from "../../lib/projects/delete-ping-key";
import { deleteProject } from "../../lib/projects/delete-project";
import { findProjectByApiKey, generateToken, getMetricsUrl, hashApiKey } from "../../lib/projects/keys";
import { findProjectAccess, findProjectCodeOfCheck, listProjectSummaries, listUserProjects } from "../../lib/projects/queries";
import { renameProject } from "../../lib/projects/rename-project";
import { updateShowSlugs } from "../../lib/projects/update-show-slugs";
import { createCheck } from "../fixtures";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createTeam, EVERYONE, expectRefused, refusalFor, snapshotDb, userFor, type Team, type Who } from "./helpers";

const ROLE_OF = { owner: "owner", manager: "manager", member: "member", readonly: "readonly" } as const;

function allowed(who: Who, action: ProjectAction): boolean {
  return who !== "outsider" && can(ROLE_OF[who], action);
}

forEachDatabase(() => {
  let team: Team;
  const db = () => getDb();
  beforeEach(async () => {
    await resetDatabase();
    team = await createTeam();
  });

  describe("createProject", () => {
    test("creates a project the user owns, with a ping key and no API keys", async () => {
      const project = await createProject({ actor: userActor(team.charlie.id), name: "  Backups  " });
      expect(project).toMatchObject({ name: "Backups", ownerId: team.charlie.id, apiKey: "", apiKeyReadonly: "" });
      expect(project.pingKey).toMatch(/^[a-z0-9]{22}$/);
      expect(project.code).toMatch(/^[0-9a-f-]{36}$/);
    });

    test("refuses an empty or over-long name", async () => {
      await expect(createProject({ actor: userActor(team.charlie.id), name: "   " })).rejects.toBeInstanceOf(ZodError);
      await expect(createProject({ actor: userActor(team.charlie.id), name: "x".repeat(201) })).rejects.toBeInstanceOf(ZodError);
      expect(await db().project.count({ where: { ownerId: team.charlie.id } })).toBe(1);
    });
  });

  describe("listUserProjects", () => {
    test("lists owned and joined projects with the user's role, sorted by name", async () => {
      await createProject({ actor: userActor(team.bob.id), name: "bob's own" });
      await createProject({ actor: userActor(team.bob.id), name: "Zeta" });
      expect(await listUserProjects(team.bob.id)).toEqual([
        { code: team.project.code, name: "Alice's Project", role: "member" },
        { code: expect.any(String), name: "bob's own", role: "owner" },
        { code: expect.any(String), name: "Zeta", role: "owner" },
      ]);
      expect((await listUserProjects(team.erin.id)).map((p) => p.role)).toEqual(["readonly"]);
      expect((await listUserProjects(team.dave.id)).map((p) => p.role)).toEqual(["manager"]);
      expect((await listUserProjects(team.charlie.id)).map((p) => p.name)).toEqual(["Charlie's Project"]);
    });

    test("returns nothing for a user without projects", async () => {
      const lonely = await db().user.create({ data: { email: "lonely@example.org" } });
      expect(await listUserProjects(lonely.id)).toEqual([]);
    });
  });

  describe("listProjectSummaries", () => {
    test("counts each project's checks by status", async () => {
      const now = new Date("2026-01-10T12:00:00Z");
      const hourAgo = new Date(now.getTime() - 3600_000);
      await createCheck(team.project.id, { status: "up", lastPing: hourAgo, timeout: 86400, grace: 3600 });
      await createCheck(team.project.id, { status: "up", lastPing: new Date(now.getTime() - 86400_000 - 60_000), timeout: 86400, grace: 3600 });
      await createCheck(team.project.id, { status: "down", lastPing: hourAgo });
      await createCheck(team.project.id, { status: "paused" });
      await createCheck(team.project.id, { status: "new" });
      const summaries = await listProjectSummaries(team.bob.id, now);
      expect(summaries).toEqual([
        expect.objectContaining({
          code: team.project.code,
          role: "member",
          checkCount: 5,
          counts: { up: 1, degraded: 0, grace: 1, down: 1, paused: 1, new: 1, started: 0 },
          overall: "down",
        }),
      ]);
      const [charlies] = await listProjectSummaries(team.charlie.id, now);
      expect(charlies).toMatchObject({ checkCount: 0, overall: "new" });
    });

    test("counts a check whose schedule cannot be evaluated with its stored status", async () => {
      await createCheck(team.project.id, { kind: "cron", schedule: "0 * * * *", tz: "Nowhere/Land", status: "up", lastPing: new Date() });
      await createCheck(team.project.id, { kind: "cron", schedule: "0 * * * *", tz: "Nowhere/Land", status: "down" });
      const [summary] = await listProjectSummaries(team.alice.id);
      expect(summary).toMatchObject({ checkCount: 2, counts: { up: 1, down: 1 }, overall: "down" });
    });
  });

  describe("findProjectAccess", () => {
    test("gives each team member the project and their role, and outsiders nothing", async () => {
      for (const who of EVERYONE) {
        const access = await findProjectAccess({ actor: userActor(userFor(team, who).id), projectCode: team.project.code });
        if (who === "outsider") expect(access).toBeNull();
        else expect(access).toMatchObject({ project: { id: team.project.id }, role: ROLE_OF[who] });
      }
      expect(await findProjectAccess({ actor: userActor(team.alice.id), projectCode: randomUUID() })).toBeNull();
      expect(await findProjectAccess({ actor: userActor(team.erin.id), projectCode: team.project.code, action: "write" })).toBeNull();
    });

    test("finds a check's project only for those who can read it", async () => {
      const check = await createCheck(team.project.id);
      expect(await findProjectCodeOfCheck({ actor: userActor(team.erin.id), checkCode: check.code })).toBe(team.project.code);
      expect(await findProjectCodeOfCheck({ actor: userActor(team.charlie.id), checkCode: check.code })).toBeNull();
      expect(await findProjectCodeOfCheck({ actor: userActor(team.alice.id), checkCode: randomUUID() })).toBeNull();
    });
  });

  describe("other actors", () => {
    test("Vigil itself creates projects for an owner and keys for any project", async () => {
      const project = await createProject({ actor: SYSTEM, ownerId: team.charlie.id, name: "Made by the CLI" });
      expect(project.ownerId).toBe(team.charlie.id);
      const key = await createApiKey({ actor: SYSTEM, projectCode: team.project.code, readOnly: true });
      expect(await findProjectByApiKey(key)).toMatchObject({ readOnly: true, project: { id: team.project.id } });
    });

    test("an API key cannot create projects or manage keys", async () => {
      const project = await db().project.findUniqueOrThrow({ where: { id: team.project.id } });
      const before = await snapshotDb();
      const apiKey = { type: "apiKey", project, readOnly: false } as const;
      await expectRefused(createProject({ actor: apiKey, name: "x" }), "forbidden", before);
      const readOnlyKey = { type: "apiKey", project, readOnly: true } as const;
      await expectRefused(createApiKey({ actor: readOnlyKey, projectCode: team.project.code, readOnly: false }), "unauthorized", before);
      await expectRefused(deleteProject({ actor: apiKey, projectCode: team.project.code, confirmation: "Alice's Project" }), "forbidden", before);
    });
  });

  describe("generateToken", () => {
    test.each([8, 22, 28, 30, 100])("gives %i characters of [A-Za-z0-9]", (length) => {
      for (let i = 0; i < 20; i++) expect(generateToken(length)).toMatch(new RegExp(`^[A-Za-z0-9]{${length}}$`));
    });
  });

  // One row per mutation: how to run it, the action it needs, and what success looks like.
  const mutations: {
    name: string;
    action: ProjectAction;
    run: (userId: number, code: string) => Promise<unknown>;
    verify: (result: unknown) => Promise<void>;
  }[] = [
    {
      name: "renameProject",
      action: "write",
      run: (userId, code) => renameProject({ actor: userActor(userId), projectCode: code, name: "Renamed" }),
      verify: async () => {
        expect((await db().project.findUniqueOrThrow({ where: { id: team.project.id } })).name).toBe("Renamed");
      },
    },
    {
      name: "createApiKey (read-write)",
      action: "write",
      run: (userId, code) => createApiKey({ actor: userActor(userId), projectCode: code, readOnly: false }),
      verify: async (key) => {
        expect(key).toMatch(/^hcw_[A-Za-z0-9]{28}$/);
        const project = await db().project.findUniqueOrThrow({ where: { id: team.project.id } });
        expect(project.apiKey).toBe(hashApiKey(key as string));
        expect(await findProjectByApiKey(key as string)).toMatchObject({ readOnly: false, project: { id: team.project.id } });
      },
    },
    {
      name: "createApiKey (read-only)",
      action: "write",
      run: (userId, code) => createApiKey({ actor: userActor(userId), projectCode: code, readOnly: true }),
      verify: async (key) => {
        expect(key).toMatch(/^hcr_[A-Za-z0-9]{28}$/);
        expect(await findProjectByApiKey(key as string)).toMatchObject({ readOnly: true, project: { id: team.project.id } });
      },
    },
    {
      name: "deleteApiKey (read-write)",
      action: "write",
      run: (userId, code) => deleteApiKey({ actor: userActor(userId), projectCode: code, readOnly: false }),
      verify: async () => {
        const project = await db().project.findUniqueOrThrow({ where: { id: team.project.id } });
        expect(project.apiKey).toBe("");
        expect(project.apiKeyReadonly).not.toBe("");
      },
    },
    {
      name: "deleteApiKey (read-only)",
      action: "write",
      run: (userId, code) => deleteApiKey({ actor: userActor(userId), projectCode: code, readOnly: true }),
      verify: async () => {
        const project = await db().project.findUniqueOrThrow({ where: { id: team.project.id } });
        expect(project.apiKeyReadonly).toBe("");
        expect(project.apiKey).not.toBe("");
      },
    },
    {
      name: "createPingKey",
      action: "write",
      run: (userId, code) => createPingKey({ actor: userActor(userId), projectCode: code }),
      verify: async (key) => {
        expect(key).toMatch(/^[a-z0-9]{22}$/);
        expect(key).not.toBe("abcdefghijklmnopqrstuv");
        expect((await db().project.findUniqueOrThrow({ where: { id: team.project.id } })).pingKey).toBe(key);
      },
    },
    {
      name: "deletePingKey",
      action: "write",
      run: (userId, code) => deletePingKey({ actor: userActor(userId), projectCode: code }),
      verify: async () => {
        expect(await db().project.findUniqueOrThrow({ where: { id: team.project.id } })).toMatchObject({ pingKey: null, showSlugs: false });
      },
    },
    {
      name: "updateShowSlugs",
      action: "write",
      run: (userId, code) => updateShowSlugs({ actor: userActor(userId), projectCode: code, showSlugs: true }),
      verify: async () => {
        expect((await db().project.findUniqueOrThrow({ where: { id: team.project.id } })).showSlugs).toBe(true);
      },
    },
    {
      name: "deleteProject",
      action: "own",
      run: (userId, code) => deleteProject({ actor: userActor(userId), projectCode: code, confirmation: "Alice's Project" }),
      verify: async () => {
        expect(await db().project.findUnique({ where: { id: team.project.id } })).toBeNull();
      },
    },
  ];

  for (const m of mutations) {
    describe(m.name, () => {
      for (const who of EVERYONE) {
        const ok = allowed(who, m.action);
        test(ok ? `lets the ${who} do it` : `refuses the ${who} and changes nothing`, async () => {
          // Both keys exist so revoking one can be told apart from the other.
          await createApiKey({ actor: userActor(team.alice.id), projectCode: team.project.code, readOnly: false });
          await createApiKey({ actor: userActor(team.alice.id), projectCode: team.project.code, readOnly: true });
          const user = userFor(team, who);
          if (ok) {
            await m.verify(await m.run(user.id, team.project.code));
          } else {
            const before = await snapshotDb();
            await expectRefused(m.run(user.id, team.project.code), refusalFor(who), before);
          }
        });
      }

      test("answers not_found for an unknown project", async () => {
        const before = await snapshotDb();
        await expectRefused(m.run(team.alice.id, randomUUID()), "not_found", before);
      });
    });
  }

  describe("renameProject validation", () => {
    test("refuses an empty name", async () => {
      await expect(renameProject({ actor: userActor(team.alice.id), projectCode: team.project.code, name: " " })).rejects.toBeInstanceOf(ZodError);
      expect((await db().project.findUniqueOrThrow({ where: { id: team.project.id } })).name).toBe("Alice's Project");
    });
  });

  describe("updateShowSlugs without a ping key", () => {
    test("refuses to turn slugs on and can turn them off", async () => {
      await deletePingKey({ actor: userActor(team.alice.id), projectCode: team.project.code });
      const before = await snapshotDb();
      await expectRefused(updateShowSlugs({ actor: userActor(team.alice.id), projectCode: team.project.code, showSlugs: true }), "bad_request", before);
      await updateShowSlugs({ actor: userActor(team.alice.id), projectCode: team.project.code, showSlugs: false });
    });
  });

  describe("deleteProject", () => {
    test("refuses a confirmation that is not the project's name", async () => {
      const before = await snapshotDb();
      await expectRefused(deleteProject({ actor: userActor(team.alice.id), projectCode: team.project.code, confirmation: "alice's project" }), "bad_request", before);
      await expectRefused(deleteProject({ actor: userActor(team.alice.id), projectCode: team.project.code, confirmation: "" }), "bad_request", before);
    });

    test("asks for the UUID when the project has no name", async () => {
      await db().project.update({ where: { id: team.project.id }, data: { name: "" } });
      const before = await snapshotDb();
      await expectRefused(deleteProject({ actor: userActor(team.alice.id), projectCode: team.project.code, confirmation: "" }), "bad_request", before);
      await deleteProject({ actor: userActor(team.alice.id), projectCode: team.project.code, confirmation: team.project.code });
      expect(await db().project.count({ where: { id: team.project.id } })).toBe(0);
    });

    test("deletes checks, pings, flips, channels, notifications and the team, and nothing else", async () => {
      const check = await createCheck(team.project.id, { name: "nightly" });
      const otherCheck = await createCheck(team.charliesProject.id, { name: "charlie's" });
      await db().ping.create({ data: { checkId: check.id, n: 1, createdAt: new Date() } });
      await db().flip.create({ data: { checkId: check.id, createdAt: new Date(), oldStatus: "new", newStatus: "up" } });
      const channel = await db().channel.create({ data: { code: randomUUID(), projectId: team.project.id, kind: "email", config: "{}" } });
      await db().channelCheck.create({ data: { channelId: channel.id, checkId: check.id } });
      await db().notification.create({ data: { code: randomUUID(), checkId: check.id, channelId: channel.id, checkStatus: "down" } });

      await deleteProject({ actor: userActor(team.alice.id), projectCode: team.project.code, confirmation: "Alice's Project" });

      expect(await db().project.findMany({ select: { id: true } })).toEqual([{ id: team.charliesProject.id }]);
      expect(await db().check.findMany({ select: { id: true } })).toEqual([{ id: otherCheck.id }]);
      expect(await db().ping.count()).toBe(0);
      expect(await db().flip.count()).toBe(0);
      expect(await db().channel.count()).toBe(0);
      expect(await db().channelCheck.count()).toBe(0);
      expect(await db().notification.count()).toBe(0);
      expect(await db().member.count()).toBe(0);
      // People stay: only their membership of the deleted project goes.
      expect(await db().user.count()).toBe(5);
    });
  });

  describe("getMetricsUrl", () => {
    test("builds SITE_ROOT/projects/<uuid>/metrics/<key>, with a placeholder when the key is unknown", () => {
      expect(getMetricsUrl("abc", "hcr_x")).toMatch(/^https?:\/\/[^/]+.*\/projects\/abc\/metrics\/hcr_x$/);
      expect(getMetricsUrl("abc")).toMatch(/\/projects\/abc\/metrics\/<read-only API key>$/);
    });
  });
});
