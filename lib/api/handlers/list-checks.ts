import { checkToDict } from "../../checks/to-dict";
import { getDb } from "../../db";
import { authorize } from "../authorize";
import { getChannelCodes } from "../render-check";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/** Tags as Healthchecks splits them: on single spaces, blanks dropped. */
function tagList(tags: string): string[] {
  return tags.split(" ").map((t) => t.trim()).filter(Boolean);
}

/** GET checks/: the project's checks; every ?tag= must be one of the check's tags; ?slug= exact. */
export async function listChecksHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { project, readOnly } = await authorize(req, "read");
  const query = new URL(req.url).searchParams;
  const wanted = new Set(query.getAll("tag"));
  // Django's QueryDict.get returns the last value; an empty ?slug= does not filter.
  const slug = query.getAll("slug").at(-1);
  const checks = await getDb().check.findMany({
    where: { projectId: project.id, ...(slug ? { slug } : {}) },
    orderBy: { id: "asc" },
  });
  const channelCodes = readOnly ? new Map<number, string[]>() : await getChannelCodes({ projectId: project.id });
  const now = new Date();
  const matching = checks.filter((c) => {
    const tags = tagList(c.tags);
    return [...wanted].every((t) => tags.includes(t));
  });
  return jsonResponse({
    checks: matching.map((c) =>
      checkToDict(c, { version: ctx.version, readOnly, channelCodes: channelCodes.get(c.id) ?? [], now }),
    ),
  });
}
