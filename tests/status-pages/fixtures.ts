// The status-page suites' setup: alice owns a project with two checks, bob is a team member
// ("w") of it, rita a read-only member, mia a manager; charlie has a project and a check of his
// own. API keys of alice's project, read-write and read-only, and one of charlie's.
import { randomUUID } from "node:crypto";
import { SYSTEM } from "../../lib/auth/actor";
import { getDb } from "../../lib/db";
import { createApiKey } from "../../lib/projects/create-api-key";
import { createCheck, createFixtures } from "../fixtures";

export async function createStatusFixtures() {
  const db = getDb();
  const base = await createFixtures();
  const rita = await db.user.create({ data: { email: "rita@example.org" } });
  const mia = await db.user.create({ data: { email: "mia@example.org" } });
  await db.member.create({ data: { userId: rita.id, projectId: base.project.id, role: "r" } });
  await db.member.create({ data: { userId: mia.id, projectId: base.project.id, role: "m" } });
  const api = await createCheck(base.project.id, { name: "API", status: "up" });
  const backups = await createCheck(base.project.id, { name: "Backups", status: "up" });
  const charliesCheck = await createCheck(base.charliesProject.id, { name: "Charlie's" });
  const rwKey = await createApiKey({ actor: SYSTEM, projectCode: base.project.code, readOnly: false });
  const roKey = await createApiKey({ actor: SYSTEM, projectCode: base.project.code, readOnly: true });
  const charlieKey = await createApiKey({ actor: SYSTEM, projectCode: base.charliesProject.code, readOnly: false });
  return { ...base, rita, mia, api, backups, charliesCheck, rwKey, roKey, charlieKey };
}

export type StatusFixtures = Awaited<ReturnType<typeof createStatusFixtures>>;

export const someUuid = () => randomUUID();
