// Shared setup for the management API suites: alice owns a project with read-write and
// read-only keys; charlie owns another project (his checks are "another project's" to alice).
import { handleApiRequest } from "../../lib/api/router";
import { getDb, type Check, type Project } from "../../lib/db";
import { SYSTEM } from "../../lib/auth/actor";
import { createApiKey } from "../../lib/projects/create-api-key";
import { createUser } from "../../lib/users/create-user";

export const ORIGIN = "http://localhost:8000";

export interface Fixture {
  project: Project;
  rwKey: string;
  roKey: string;
  otherProject: Project;
  otherKey: string;
}

export async function createFixture(): Promise<Fixture> {
  const alice = await createUser({ email: "alice@example.org" });
  const charlie = await createUser({ email: "charlie@example.org" });
  const rwKey = await createApiKey({ actor: SYSTEM, projectCode: alice.project.code, readOnly: false });
  const roKey = await createApiKey({ actor: SYSTEM, projectCode: alice.project.code, readOnly: true });
  const otherKey = await createApiKey({ actor: SYSTEM, projectCode: charlie.project.code, readOnly: false });
  const project = await getDb().project.findUniqueOrThrow({ where: { id: alice.project.id } });
  return { project, rwKey, roKey, otherProject: charlie.project, otherKey };
}

export interface CallOptions {
  key?: string | null;
  /** An object is sent as JSON; a string is sent as-is. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Calls the API router the way the front server does and returns the response. */
export async function call(method: string, path: string, opts: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.key) headers["X-Api-Key"] = opts.key;
  const body = opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
  const res = await handleApiRequest(new Request(`${ORIGIN}${path}`, { method, headers, body }));
  if (!res) throw new Error(`no route for ${method} ${path}`);
  return res;
}

/** Inserts a check directly (bypassing the API) with sensible defaults. */
export async function insertCheck(projectId: number, data: Partial<Omit<Check, "id" | "projectId">> = {}): Promise<Check> {
  return getDb().check.create({
    data: { code: crypto.randomUUID(), badgeKey: crypto.randomUUID(), projectId, ...data },
  });
}

export async function insertChannel(projectId: number, data: { name?: string; kind?: string; config?: string } = {}) {
  return getDb().channel.create({
    data: { code: crypto.randomUUID(), projectId, kind: "email", config: '{"value":"a@example.org"}', ...data },
  });
}
