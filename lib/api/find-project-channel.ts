import { getDb, type Channel, type Project } from "../db";
import { AppError } from "../errors";

/** The channel with this UUID if it is the project's: 404 if unknown, 403 if another's. */
export async function findProjectChannel(project: Project, code: string): Promise<Channel> {
  const channel = await getDb().channel.findUnique({ where: { code } });
  if (!channel) throw new AppError("not_found", "");
  if (channel.projectId !== project.id) throw new AppError("forbidden", "");
  return channel;
}
