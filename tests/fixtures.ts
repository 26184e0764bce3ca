// The fixture trio of Healthchecks' tests: alice owns a project, bob is a member of it,
// charlie has a project of his own and no access to alice's.
import { randomUUID } from "node:crypto";
import { getDb, type Check } from "../lib/db";

export async function createFixtures() {
  const db = getDb();
  const alice = await db.user.create({ data: { email: "alice@example.org" } });
  const bob = await db.user.create({ data: { email: "bob@example.org" } });
  const charlie = await db.user.create({ data: { email: "charlie@example.org" } });
  const project = await db.project.create({
    data: { code: randomUUID(), name: "Alice's Project", ownerId: alice.id, badgeKey: randomUUID(), pingKey: "abcdefghijklmnopqrstuv" },
  });
  await db.member.create({ data: { userId: bob.id, projectId: project.id, role: "w" } });
  const charliesProject = await db.project.create({
    data: { code: randomUUID(), name: "Charlie's Project", ownerId: charlie.id, badgeKey: randomUUID() },
  });
  return { alice, bob, charlie, project, charliesProject };
}

export async function createCheck(projectId: number, data: Partial<Check> = {}): Promise<Check> {
  return getDb().check.create({ data: { code: randomUUID(), badgeKey: randomUUID(), projectId, ...data } });
}
