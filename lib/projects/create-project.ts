import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { requireAccount } from "../auth/permissions";
import { inTransaction, type Project, type Tx } from "../db";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { generatePingKey, generateToken } from "./keys";
import { projectNameSchema } from "./project-fields";

export interface CreateProjectOptions {
  actor: Actor;
  name: unknown;
  /** Whose project it is, when Vigil itself creates one (a new account's first project). */
  ownerId?: number;
  tx?: Tx;
}

/**
 * Creates a project with a fresh badge key and ping key and no API keys (see createApiKey). A
 * signed-in user may always create a project of their own; the system actor creates one for
 * `ownerId`. Throws AppError("forbidden") for other actors and ZodError for a bad name.
 */
export async function createProject({ actor, name, ownerId, tx }: CreateProjectOptions): Promise<Project> {
  return inTransaction(tx, async (tx) => {
    let owner: number;
    if (actor.type === "system" && ownerId !== undefined) owner = ownerId;
    else if (actor.type === "user") owner = (await requireAccount(actor, tx)).id;
    else throw new AppError("forbidden", "only a signed-in person can create a project");
    return tx.project.create({
      data: {
        code: randomUUID(),
        name: projectNameSchema.parse(name),
        ownerId: owner,
        // Healthchecks uses the owner's random 30-character username; any unguessable value works.
        badgeKey: generateToken(30),
        pingKey: generatePingKey(),
        // The operator's default (PING_LOG_LIMIT); owners and managers can change it per project.
        pingLogLimit: getEnv().pingLogLimit,
      },
    });
  });
}
