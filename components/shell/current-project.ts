/** The cookie remembering the last project the user looked at, so pages outside a project
 * (account settings, /projects) and the landing redirect default to it. */
export const LAST_PROJECT_COOKIE = "vigil-project";

const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const PROJECT_PATH = new RegExp(`^/projects/(${UUID})(?:/|$)`);
const CHECK_PATH = new RegExp(`^/checks/(${UUID})(?:/|$)`);

/** The project or check uuid a dashboard path is about, if any. */
export function parseShellPath(pathname: string): { projectCode: string | null; checkCode: string | null } {
  return {
    projectCode: PROJECT_PATH.exec(pathname)?.[1]?.toLowerCase() ?? null,
    checkCode: CHECK_PATH.exec(pathname)?.[1]?.toLowerCase() ?? null,
  };
}

/** Which of the project's sections a path is in, for aria-current. */
export type ProjectSection = "checks" | "integrations" | "status-pages" | "badges" | "settings";

export function getSection(pathname: string): ProjectSection | null {
  const m = /^\/projects\/[^/]+\/(checks|integrations|status-pages|badges|settings)(?:\/|$)/.exec(pathname);
  if (m) return m[1] as ProjectSection;
  // A check's pages belong to the project's checks.
  return pathname.startsWith("/checks/") ? "checks" : null;
}
