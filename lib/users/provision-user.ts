import { SYSTEM } from "../auth/actor";
import { createChannel } from "../channels/create-channel";
import { createCheck } from "../checks/create-check";
import { getDb, type Project, type User } from "../db";
import { normalizeTimezone } from "../schedules/normalize-timezone";
import { createUser } from "./create-user";
import { parseEmail } from "../auth/credentials";

/**
 * A new account as Healthchecks' sign-up makes it: the user (no password), a project,
 * the check "My First Check" (slug my-first-check) and a verified email channel to the user's
 * address attached to it. `tz` (the browser's zone at sign-up) is stored when valid. Throws
 * AppError("conflict") if the address has an account, AppError("bad_request") if it is not an
 * address. Nothing is left behind when a step fails.
 */
export async function provisionUser(email: string, opts: { tz?: string } = {}): Promise<{ user: User; project: Project }> {
  const { user, project } = await createUser({ email: parseEmail(email) });
  try {
    const { check } = await createCheck({ actor: SYSTEM, projectCode: project.code, input: { name: "My First Check", slug: "my-first-check" } });
    await createChannel({ actor: SYSTEM, projectCode: project.code, input: { kind: "email", config: { value: user.email }, checks: check.code } });
    const tz = opts.tz ? normalizeTimezone(opts.tz) : null;
    if (!tz || tz === user.tz) return { user, project };
    return { user: await getDb().user.update({ where: { id: user.id }, data: { tz } }), project };
  } catch (err) {
    // createCheck and createChannel run their own transactions; undo the account as a whole.
    await getDb().user.delete({ where: { id: user.id } });
    throw err;
  }
}
