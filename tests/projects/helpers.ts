// The fixture trio plus the two roles it lacks: dave, a manager, and erin, a read-only member
// of alice's project. Permission tests walk all five.
import { expect } from "vitest";
import { getDb } from "../../lib/db";
import { AppError, type ErrorCode } from "../../lib/errors";
import { createFixtures } from "../fixtures";

export async function createTeam() {
  const fx = await createFixtures();
  const db = getDb();
  const dave = await db.user.create({ data: { email: "dave@example.org" } });
  const erin = await db.user.create({ data: { email: "erin@example.org" } });
  await db.member.create({ data: { userId: dave.id, projectId: fx.project.id, role: "m" } });
  await db.member.create({ data: { userId: erin.id, projectId: fx.project.id, role: "r" } });
  return { ...fx, dave, erin };
}

export type Team = Awaited<ReturnType<typeof createTeam>>;
export type Who = "owner" | "manager" | "member" | "readonly" | "outsider";
export const EVERYONE: readonly Who[] = ["owner", "manager", "member", "readonly", "outsider"];

/** The user playing each part in alice's project. */
export function userFor(team: Team, who: Who) {
  return { owner: team.alice, manager: team.dave, member: team.bob, readonly: team.erin, outsider: team.charlie }[who];
}

/** Every row a project or team mutation could touch, to show that a refused one changed nothing. */
export async function snapshotDb() {
  const db = getDb();
  const [users, projects, members, checks, channels, buckets] = await Promise.all([
    db.user.findMany({ orderBy: { id: "asc" } }),
    db.project.findMany({ orderBy: { id: "asc" } }),
    db.member.findMany({ orderBy: { id: "asc" } }),
    db.check.findMany({ orderBy: { id: "asc" } }),
    db.channel.findMany({ orderBy: { id: "asc" } }),
    db.tokenBucket.findMany({ orderBy: { value: "asc" } }),
  ]);
  return { users, projects, members, checks, channels, buckets };
}

/** Asserts the promise rejects with AppError(code) and the database is as it was before. */
export async function expectRefused(promise: Promise<unknown>, code: ErrorCode, before: Awaited<ReturnType<typeof snapshotDb>>) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect(await snapshotDb()).toEqual(before);
}

/** What each role gets when refused an action: outsiders must not learn the project exists. */
export function refusalFor(who: Who): ErrorCode {
  return who === "outsider" ? "not_found" : "forbidden";
}
