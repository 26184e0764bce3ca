// The fixture trio plus the other roles the web UI distinguishes: rita is a read-only member
// and mia a manager of alice's project; alice also owns a second project to move checks to.
import { randomUUID } from "node:crypto";
import { getDb } from "../../lib/db";
import { createCheck, createFixtures } from "../fixtures";

export async function createRoleFixtures() {
  const db = getDb();
  const base = await createFixtures();
  const rita = await db.user.create({ data: { email: "rita@example.org" } });
  const mia = await db.user.create({ data: { email: "mia@example.org" } });
  await db.member.create({ data: { userId: rita.id, projectId: base.project.id, role: "r" } });
  await db.member.create({ data: { userId: mia.id, projectId: base.project.id, role: "m" } });
  const aliceSecond = await db.project.create({
    data: { code: randomUUID(), name: "Alice's Second", ownerId: base.alice.id, badgeKey: randomUUID() },
  });
  const check = await createCheck(base.project.id, { name: "Backups", tags: "prod db" });
  return { ...base, rita, mia, aliceSecond, check };
}

export type RoleFixtures = Awaited<ReturnType<typeof createRoleFixtures>>;

export const ROLES = ["alice", "mia", "bob", "rita", "charlie"] as const;
export type RoleName = (typeof ROLES)[number];

/** What each user may do to alice's project: owner, manager and member write; rita only reads. */
export const CAN_WRITE: Record<RoleName, boolean> = { alice: true, mia: true, bob: true, rita: false, charlie: false };
