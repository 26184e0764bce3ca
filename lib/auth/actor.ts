// Who is asking. Every verb that reads or writes on someone's behalf takes an Actor and asks
// lib/auth/permissions.ts first, so the web app, the management API, the CLI and the workers
// share one rule per operation instead of each checking access in its own way.
import type { Project } from "../db";

export type Actor =
  /** A signed-in person; their role in each project decides. */
  | { type: "user"; userId: number }
  /** A project API key: only that project, and no writes with the read-only key. */
  | { type: "apiKey"; project: Project; readOnly: boolean }
  /** A remote probe agent (remote agents: assignments and results only). */
  | { type: "agent"; agentId: number }
  /** Vigil itself: workers, the CLI, migrations. Allowed everything. */
  | { type: "system" };

export const SYSTEM: Actor = { type: "system" };

export function userActor(userId: number): Actor {
  return { type: "user", userId };
}

/** The user id behind an actor, for verbs that record who did something; null otherwise. */
export function actorUserId(actor: Actor): number | null {
  return actor.type === "user" ? actor.userId : null;
}
