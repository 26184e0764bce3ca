import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { can, type ProjectAction } from "../../lib/auth/permissions";
import { getDb } from "../../lib/db";
import { createOwnedProject } from "../../lib/projects/create-owned-project";
import { createProjectApiKey } from "../../lib/projects/create-project-api-key";
import { createProjectPingKey } from "../../lib/projects/create-project-ping-key";
import { deleteProject } from "../../lib/projects/delete-project";
import { deleteProjectApiKey } from "../../lib/projects/delete-project-api-key";
import { deleteProjectPingKey } from "../../lib/projects/delete-project-ping-key";
import { findProjectByApiKey } from "../../lib/projects/find-project-by-api-key";
import { getMetricsUrl } from "../../lib/projects/get-metrics-url";
import { hashApiKey } from "../../lib/projects/hash-api-key";
import { listProjectSummaries } from "../../lib/projects/list-project-summaries";
import { listUserProjects } from "../../lib/projects/list-user-projects";
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

  describe("createOwnedProject", () => {
    test("creates a project the user owns, with a ping key and no API keys", async () => {
      const project = await createOwnedProject(team.charlie.id, "  Backups  ");
      expect(project).toMatchObject({ name: "Backups", ownerId: team.charlie.id, apiKey: "", apiKeyReadonly: "" });
      expect(project.pingKey).toMatch(/^[a-z0-9]{22}$/);
      expect(project.code).toMatch(/^[0-9a-f-]{36}$/);
    });

    test("refuses an empty or over-long name", async () => {
      await expect(createOwnedProject(team.charlie.id, "   ")).rejects.toBeInstanceOf(ZodError);
      await expect(createOwnedProject(team.charlie.id, "x".repeat(201))).rejects.toBeInstanceOf(ZodError);
      expect(await db().project.count({ where: { ownerId: team.charlie.id } })).toBe(1);
    });
  });

  describe("listUserProjects", () => {
    test("lists owned and joined projects with the user's role, sorted by name", async () => {
      await createOwnedProject(team.bob.id, "bob's own");
      await createOwnedProject(team.bob.id, "Zeta");
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
          counts: { up: 1, grace: 1, down: 1, paused: 1, new: 1, started: 0 },
          overall: "down",
        }),
      ]);
      const [charlies] = await listProjectSummaries(team.charlie.id, now);
      expect(charlies).toMatchObject({ checkCount: 0, overall: "new" });
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
      run: (userId, code) => renameProject(userId, code, "Renamed"),
      verify: async () => {
        expect((await db().project.findUniqueOrThrow({ where: { id: team.project.id } })).name).toBe("Renamed");
      },
    },
    {
      name: "createProjectApiKey (read-write)",
      action: "write",
      run: (userId, code) => createProjectApiKey(userId, code, { readOnly: false }),
      verify: async (key) => {
        expect(key).toMatch(/^hcw_[A-Za-z0-9]{28}$/);
        const project = await db().project.findUniqueOrThrow({ where: { id: team.project.id } });
        expect(project.apiKey).toBe(hashApiKey(key as string));
        expect(await findProjectByApiKey(key as string)).toMatchObject({ readOnly: false, project: { id: team.project.id } });
      },
    },
    {
      name: "createProjectApiKey (read-only)",
      action: "write",
      run: (userId, code) => createProjectApiKey(userId, code, { readOnly: true }),
      verify: async (key) => {
        expect(key).toMatch(/^hcr_[A-Za-z0-9]{28}$/);
        expect(await findProjectByApiKey(key as string)).toMatchObject({ readOnly: true, project: { id: team.project.id } });
      },
    },
    {
      name: "deleteProjectApiKey (read-write)",
      action: "write",
      run: (userId, code) => deleteProjectApiKey(userId, code, { readOnly: false }),
      verify: async () => {
        const project = await db().project.findUniqueOrThrow({ where: { id: team.project.id } });
        expect(project.apiKey).toBe("");
        expect(project.apiKeyReadonly).not.toBe("");
      },
    },
    {
      name: "deleteProjectApiKey (read-only)",
      action: "write",
      run: (userId, code) => deleteProjectApiKey(userId, code, { readOnly: true }),
      verify: async () => {
        const project = await db().project.findUniqueOrThrow({ where: { id: team.project.id } });
        expect(project.apiKeyReadonly).toBe("");
        expect(project.apiKey).not.toBe("");
      },
    },
    {
      name: "createProjectPingKey",
      action: "write",
      run: (userId, code) => createProjectPingKey(userId, code),
      verify: async (key) => {
        expect(key).toMatch(/^[a-z0-9]{22}$/);
        expect(key).not.toBe("abcdefghijklmnopqrstuv");
        expect((await db().project.findUniqueOrThrow({ where: { id: team.project.id } })).pingKey).toBe(key);
      },
    },
    {
      name: "deleteProjectPingKey",
      action: "write",
      run: (userId, code) => deleteProjectPingKey(userId, code),
      verify: async () => {
        expect(await db().project.findUniqueOrThrow({ where: { id: team.project.id } })).toMatchObject({ pingKey: null, showSlugs: false });
      },
    },
    {
      name: "updateShowSlugs",
      action: "write",
      run: (userId, code) => updateShowSlugs(userId, code, true),
      verify: async () => {
        expect((await db().project.findUniqueOrThrow({ where: { id: team.project.id } })).showSlugs).toBe(true);
      },
    },
    {
      name: "deleteProject",
      action: "own",
      run: (userId, code) => deleteProject(userId, code, "Alice's Project"),
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
          await createProjectApiKey(team.alice.id, team.project.code, { readOnly: false });
          await createProjectApiKey(team.alice.id, team.project.code, { readOnly: true });
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
      await expect(renameProject(team.alice.id, team.project.code, " ")).rejects.toBeInstanceOf(ZodError);
      expect((await db().project.findUniqueOrThrow({ where: { id: team.project.id } })).name).toBe("Alice's Project");
    });
  });

  describe("updateShowSlugs without a ping key", () => {
    test("refuses to turn slugs on and can turn them off", async () => {
      await deleteProjectPingKey(team.alice.id, team.project.code);
      const before = await snapshotDb();
      await expectRefused(updateShowSlugs(team.alice.id, team.project.code, true), "bad_request", before);
      await updateShowSlugs(team.alice.id, team.project.code, false);
    });
  });

  describe("deleteProject", () => {
    test("refuses a confirmation that is not the project's name", async () => {
      const before = await snapshotDb();
      await expectRefused(deleteProject(team.alice.id, team.project.code, "alice's project"), "bad_request", before);
      await expectRefused(deleteProject(team.alice.id, team.project.code, ""), "bad_request", before);
    });

    test("asks for the UUID when the project has no name", async () => {
      await db().project.update({ where: { id: team.project.id }, data: { name: "" } });
      const before = await snapshotDb();
      await expectRefused(deleteProject(team.alice.id, team.project.code, ""), "bad_request", before);
      await deleteProject(team.alice.id, team.project.code, team.project.code);
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

      await deleteProject(team.alice.id, team.project.code, "Alice's Project");

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
