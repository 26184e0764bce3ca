import { randomUUID } from "node:crypto";
import { getDb, type Prisma, type Project } from "../db";
import { getEnv } from "../env";
import { generatePingKey } from "./generate-ping-key";
import { generateToken } from "./generate-token";

/**
 * Creates a project owned by the user, with a fresh badge key and ping key and no API keys
 * (see createApiKey). Pass a transaction client to create it together with other rows.
 */
export async function createProject(
  input: { ownerId: number; name: string },
  tx: Prisma.TransactionClient = getDb(),
): Promise<Project> {
  return tx.project.create({
    data: {
      code: randomUUID(),
      name: input.name,
      ownerId: input.ownerId,
      // Healthchecks uses the owner's random 30-character username; any unguessable value works.
      badgeKey: generateToken(30),
      pingKey: generatePingKey(),
      // The operator's default (PING_LOG_LIMIT); owners and managers can change it per project.
      pingLogLimit: getEnv().pingLogLimit,
    },
  });
}
