import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { inTransaction, type Project, type Tx } from "../db";
import { projectNameSchema } from "./project-fields";

export interface RenameProjectOptions {
  actor: Actor;
  projectCode: string;
  name: unknown;
  tx?: Tx;
}

/** Renames the project (team members and up). Throws AppError on access, ZodError for a bad name. */
export async function renameProject({ actor, projectCode, name, tx }: RenameProjectOptions): Promise<Project> {
  return inTransaction(tx, async (tx) => {
    const { project } = await requireProjectAccess(actor, projectCode, "write", tx);
    const valid = projectNameSchema.parse(name);
    return tx.project.update({ where: { id: project.id }, data: { name: valid } });
  });
}
