import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { requireInstanceAdmin } from "../auth/permissions";
import { getDb, type Agent } from "../db";
import { AppError } from "../errors";
import { REGION_NAME } from "../probes/config";
import { generateAgentToken, hashAgentToken } from "./tokens";

export interface CreateAgentOptions {
  actor: Actor;
  region: string;
  name?: string;
}

/**
 * Adds a remote agent for `region` and returns it with its token: the only time the token
 * exists outside the agent's machine (the row keeps its hash). Throws AppError("forbidden") for
 * anyone but the system or an instance administrator, "bad_request" (field region/name) for a
 * region probes could not name, "local", or a name over 100 characters.
 */
export async function createAgent({ actor, region, name = "" }: CreateAgentOptions): Promise<{ agent: Agent; token: string }> {
  const db = getDb();
  await requireInstanceAdmin(actor, db);
  const cleanRegion = region.trim();
  if (!REGION_NAME.test(cleanRegion)) {
    throw new AppError("bad_request", "region must be a region name (a-z, 0-9, -; at most 40 characters)", { field: "region" });
  }
  // "local" is the server's own prober; an agent there would split checks nobody asked it to.
  if (cleanRegion === "local") throw new AppError("bad_request", `region "local" is the server itself; pick another name`, { field: "region" });
  const cleanName = name.trim();
  if (cleanName.length > 100) throw new AppError("bad_request", "name is too long (at most 100 characters)", { field: "name" });
  const token = generateAgentToken();
  const agent = await db.agent.create({
    data: { code: randomUUID(), region: cleanRegion, name: cleanName, tokenHash: hashAgentToken(token) },
  });
  return { agent, token };
}
