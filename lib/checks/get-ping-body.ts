import { getDb } from "../db";

/** The stored body of the check's ping number `n`; null when the ping or its body is gone. */
export async function getPingBody(checkId: number, n: number): Promise<Buffer | null> {
  if (!Number.isSafeInteger(n)) return null;
  const ping = await getDb().ping.findUnique({ where: { checkId_n: { checkId, n } }, select: { body: true } });
  return ping?.body && ping.body.length > 0 ? Buffer.from(ping.body) : null;
}
