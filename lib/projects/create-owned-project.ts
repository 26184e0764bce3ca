import type { Project } from "../db";
import { createProject } from "./create-project";
import { projectNameSchema } from "./project-name-schema";

/**
 * Creates a project owned by the user (any signed-in user may). Validates the name; throws
 * ZodError for a bad one.
 */
export async function createOwnedProject(userId: number, name: string): Promise<Project> {
  return createProject({ ownerId: userId, name: projectNameSchema.parse(name) });
}
