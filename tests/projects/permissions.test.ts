import { userActor } from "../../lib/auth/actor";
import { beforeEach, describe, expect, test } from "vitest";
import { AppError } from "../../lib/errors";
import {
  can,
  getProjectAccess,
  requireCheckAccess,
  requireProjectAccess,
  type ProjectAction,
  type ProjectRole,
} from "../../lib/auth/permissions";
import { createCheck } from "../fixtures";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createTeam, EVERYONE, userFor, type Team, type Who } from "./helpers";

// Rows: role; columns: read, write, manage, own (Healthchecks' team roles).
const TABLE: [ProjectRole, boolean, boolean, boolean, boolean][] = [
  ["owner", true, true, true, true],
  ["manager", true, true, true, false],
  ["member", true, true, false, false],
  ["readonly", true, false, false, false],
];
const ACTIONS: ProjectAction[] = ["read", "write", "manage", "own"];

describe("can", () => {
  for (const [role, ...allowed] of TABLE) {
    ACTIONS.forEach((action, i) => {
      test(`${allowed[i] ? "lets" : "does not let"} ${role} ${action}`, () => {
        expect(can(role, action)).toBe(allowed[i]);
      });
    });
  }
});

async function errorCode(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
}

const EXPECTED_ROLE: Record<Who, ProjectRole | null> = {
  owner: "owner",
  manager: "manager",
  member: "member",
  readonly: "readonly",
  outsider: null,
};

forEachDatabase(() => {
  let team: Team;
  beforeEach(async () => {
    await resetDatabase();
    team = await createTeam();
  });

  describe("getProjectAccess", () => {
    for (const who of EVERYONE) {
      test(`gives the ${who} role ${EXPECTED_ROLE[who] ?? "none"}`, async () => {
        const access = await getProjectAccess(userFor(team, who).id, team.project.code);
        expect(access?.role ?? null).toBe(EXPECTED_ROLE[who]);
        if (access) expect(access.project.id).toBe(team.project.id);
      });
    }

    test("returns null for an unknown project code", async () => {
      expect(await getProjectAccess(team.alice.id, "00000000-0000-0000-0000-000000000000")).toBeNull();
      expect(await getProjectAccess(team.alice.id, "not-a-uuid")).toBeNull();
    });
  });

  describe("requireProjectAccess", () => {
    for (const who of EVERYONE) {
      test(`allows or refuses each action for the ${who}`, async () => {
        const role = EXPECTED_ROLE[who];
        for (const action of ACTIONS) {
          const code = await errorCode(requireProjectAccess(userActor(userFor(team, who).id), team.project.code, action));
          if (!role) expect(code).toBe("not_found");
          else expect(code).toBe(can(role, action) ? null : "forbidden");
        }
      });
    }

    test("answers not_found for an unknown project", async () => {
      expect(await errorCode(requireProjectAccess(userActor(team.alice.id), "00000000-0000-0000-0000-000000000000", "read"))).toBe(
        "not_found",
      );
    });
  });

  describe("requireCheckAccess", () => {
    for (const who of EVERYONE) {
      test(`allows or refuses each action on a check for the ${who}`, async () => {
        const check = await createCheck(team.project.id, { name: "backup" });
        const role = EXPECTED_ROLE[who];
        for (const action of ACTIONS) {
          const promise = requireCheckAccess(userActor(userFor(team, who).id), check.code, action);
          if (role && can(role, action)) {
            const access = await promise;
            expect(access.check.id).toBe(check.id);
            expect(access.project.id).toBe(team.project.id);
            expect(access.role).toBe(role);
          } else {
            expect(await errorCode(promise)).toBe(role ? "forbidden" : "not_found");
          }
        }
      });
    }

    test("answers not_found for an unknown check", async () => {
      expect(await errorCode(requireCheckAccess(userActor(team.alice.id), "00000000-0000-0000-0000-000000000000", "read"))).toBe(
        "not_found",
      );
    });
  });
});
