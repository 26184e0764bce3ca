// Shared set-up of the integrations tests: the fixture trio plus dave, a read-only member of
// alice's project, and two checks in it.
import { getDb } from "../../lib/db";
import { createCheck, createFixtures } from "../fixtures";

export async function createIntegrationFixtures() {
  const fixtures = await createFixtures();
  const db = getDb();
  const dave = await db.user.create({ data: { email: "dave@example.org" } });
  await db.member.create({ data: { userId: dave.id, projectId: fixtures.project.id, role: "r" } });
  const checks = [
    await createCheck(fixtures.project.id, { name: "Backups", slug: "backups" }),
    await createCheck(fixtures.project.id, { name: "Reports", slug: "reports" }),
  ];
  return { ...fixtures, dave, checks };
}

/** The link in a verification email's text. */
export function findVerifyLink(text: string | undefined): string {
  const match = /https?:\/\/\S+\/integrations\/[0-9a-f-]{36}\/verify\/\S+/.exec(text ?? "");
  if (!match) throw new Error(`no verification link in:\n${text}`);
  return match[0];
}
