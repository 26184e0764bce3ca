// What the integrations pages read: a project's channels with their checks, and one channel
// for its edit page. Each read takes the actor and asks permissions first, as the verbs do.
import type { Actor } from "../auth/actor";
import { requireChannelAccess, requireProjectAccess, type ProjectAction } from "../auth/permissions";
import { getDb, type Channel, type Project } from "../db";

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
 * notifies for, and the project's checks by name for the "assign to checks" form. Throws
 * AppError when the actor may not read the project.
 */
export async function findProjectChannels({
  actor,
  projectCode,
}: {
  actor: Actor;
  projectCode: string;
}): Promise<{ channels: ProjectChannel[]; checks: ProjectCheckSummary[] }> {
  const { project } = await requireProjectAccess(actor, projectCode, "read");
  const projectId = project.id;
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

/**
 * One channel with its project, if the actor may do `action` in that project (the edit page
 * asks for "write"). Throws AppError "not_found"/"forbidden" like the verbs.
 */
export async function findChannel({
  actor,
  channelCode,
  action = "read",
}: {
  actor: Actor;
  channelCode: string;
  action?: ProjectAction;
}): Promise<{ channel: Channel; project: Project }> {
  const { channel, project } = await requireChannelAccess(actor, channelCode, action);
  return { channel, project };
}
