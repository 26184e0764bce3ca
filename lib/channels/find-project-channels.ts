import { getDb, type Channel } from "../db";

export interface ProjectChannel extends Channel {
  /** UUIDs of the checks this channel notifies for. */
  checkCodes: string[];
}

export interface ProjectCheckSummary {
  code: string;
  name: string;
  slug: string;
  status: string;
}

/**
 * The project's channels (oldest first, as Healthchecks lists them) with the checks each one
 * notifies for, and the project's checks by name for the "assign to checks" form. No access
 * check: callers pass a project they already authorized.
 */
export async function findProjectChannels(
  projectId: number,
): Promise<{ channels: ProjectChannel[]; checks: ProjectCheckSummary[] }> {
  const db = getDb();
  const [channels, checks] = await Promise.all([
    db.channel.findMany({
      where: { projectId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { checks: { select: { check: { select: { code: true } } } } },
    }),
    db.check.findMany({
      where: { projectId },
      orderBy: [{ name: "asc" }, { createdAt: "asc" }],
      select: { code: true, name: true, slug: true, status: true },
    }),
  ]);
  return {
    channels: channels.map(({ checks: links, ...channel }) => ({ ...channel, checkCodes: links.map((l) => l.check.code) })),
    checks,
  };
}
