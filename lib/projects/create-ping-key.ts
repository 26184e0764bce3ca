import { getDb } from "../db";
import { generatePingKey } from "./generate-ping-key";

/** Gives the project a new ping key for slug URLs (the old slug URLs stop working). Returns it. */
export async function createPingKey(projectId: number): Promise<string> {
  const pingKey = generatePingKey();
  await getDb().project.update({ where: { id: projectId }, data: { pingKey } });
  return pingKey;
}
