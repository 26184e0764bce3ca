import { getDb, type Channel, type Project } from "../db";
import { AppError } from "../errors";
import { requireProjectAccess, type ProjectAction, type ProjectRole } from "../auth/permissions";

/**
 * The channel with its project and the user's role there, if the user may do `action` in that
 * project. Throws AppError("not_found") when the channel does not exist or the user has no
 * access to its project (existence is not revealed), "forbidden" when the role is too low.
 */
export async function requireChannelAccess(
  userId: number,
  channelCode: string,
  action: ProjectAction,
): Promise<{ channel: Channel; project: Project; role: ProjectRole }> {
  const channel = await getDb().channel.findUnique({ where: { code: channelCode } });
  if (!channel) throw new AppError("not_found", "integration not found");
  const project = await getDb().project.findUniqueOrThrow({ where: { id: channel.projectId } });
  const access = await requireProjectAccess(userId, project.code, action);
  return { channel, project: access.project, role: access.role };
}
