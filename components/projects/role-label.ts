import type { ProjectRole } from "@/lib/auth/permissions";

/** How a project role reads on the projects list and the settings page. */
export const ROLE_LABEL: Record<ProjectRole, string> = { owner: "Owner", manager: "Manager", member: "Team member", readonly: "Read-only" };
