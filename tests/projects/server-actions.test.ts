// The project settings and projects-page server actions as a browser (or anyone holding an
// action id) calls them: wrong argument types get a form message, never a query; right ones
// reach the verb as the signed-in user. Only the session lookup is replaced (it needs Next's
// request scope); the database is real.
import { beforeEach, describe, expect, test, vi } from "vitest";
import { getDb } from "../../lib/db";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createTeam, snapshotDb, type Team } from "./helpers";

const signedIn = vi.hoisted(() => ({ userId: 0 }));
vi.mock("@/lib/auth/session", () => ({
  requireActor: async () => ({ type: "user", userId: signedIn.userId }),
  requireUser: async () => ({ id: signedIn.userId }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

type Action = (...args: unknown[]) => Promise<{ ok?: boolean; error?: string | null }>;

// What a hostile client can send instead of the bound arguments and the form.
const WRONG_ARGUMENTS: unknown[][] = [[], [null], [123], [{}], [[]], [null, null, null], [{ code: "x" }, {}, {}]];

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

forEachDatabase(() => {
  let team: Team;
  beforeEach(async () => {
    await resetDatabase();
    team = await createTeam();
    signedIn.userId = team.alice.id;
  });

  test("every settings action answers wrong argument types with a form error and changes nothing", async () => {
    const actions = (await import("../../app/(dashboard)/projects/[code]/settings/actions")) as unknown as Record<string, Action>;
    expect(Object.keys(actions).length).toBeGreaterThanOrEqual(15);
    const before = await snapshotDb();
    for (const [name, action] of Object.entries(actions)) {
      for (const args of WRONG_ARGUMENTS) {
        const state = await action(...args);
        expect(state, `${name}(${JSON.stringify(args)})`).toMatchObject({ ok: false, error: expect.any(String) });
      }
    }
    expect(await snapshotDb()).toEqual(before);
  });

  test("a settings action with a form of the wrong shape answers a form error", async () => {
    const { renameProjectAction, updatePingLogLimitAction, inviteMemberAction, requestTransferAction, deleteProjectAction } = await import(
      "../../app/(dashboard)/projects/[code]/settings/actions"
    );
    const code = team.project.code;
    const before = await snapshotDb();
    for (const state of [
      await renameProjectAction(code, {}, null as unknown as FormData),
      await updatePingLogLimitAction(code, {}, form({ pingLogLimit: "1e99" })),
      await inviteMemberAction(code, {}, form({ email: "x@example.org", role: "owner" })),
      await requestTransferAction(code, {}, form({ memberUserId: "abc" })),
      await deleteProjectAction(code, {}, form({})),
    ]) {
      expect(state).toMatchObject({ ok: false, error: expect.any(String) });
    }
    expect(await snapshotDb()).toEqual(before);
  });

  test("settings actions act as the signed-in user", async () => {
    const { renameProjectAction, createApiKeyAction } = await import("../../app/(dashboard)/projects/[code]/settings/actions");
    expect(await renameProjectAction(team.project.code, {}, form({ name: "Renamed" }))).toMatchObject({ ok: true, message: "Project renamed." });
    expect((await getDb().project.findUniqueOrThrow({ where: { id: team.project.id } })).name).toBe("Renamed");
    expect(await createApiKeyAction(team.project.code, true)).toMatchObject({ ok: true, secret: expect.stringMatching(/^hcr_/) });

    signedIn.userId = team.erin.id;
    expect(await renameProjectAction(team.project.code, {}, form({ name: "Mine" }))).toMatchObject({
      ok: false,
      error: "You do not have permission to do this in this project",
    });
    signedIn.userId = team.charlie.id;
    expect(await createApiKeyAction(team.project.code, false)).toMatchObject({ ok: false, error: "Project not found" });
  });

  describe("createProjectAction", () => {
    test("answers wrong argument types with a form error and creates nothing", async () => {
      const { createProjectAction } = (await import("../../app/(dashboard)/projects/actions")) as unknown as { createProjectAction: Action };
      const before = await snapshotDb();
      for (const args of WRONG_ARGUMENTS) {
        expect(await createProjectAction(...args), JSON.stringify(args)).toMatchObject({ ok: false, error: "Enter a project name." });
      }
      expect(await snapshotDb()).toEqual(before);
    });
  });
});
