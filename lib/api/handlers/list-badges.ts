import { getDb } from "../../db";
import { getBadgeUrl } from "../../projects/keys";
import { authorize } from "../authorize";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/** GET badges/: the six badge URLs (svg/json/shields, 2- and 3-state) per tag and for "*". */
export async function listBadgesHandler(req: Request, _ctx: ApiContext): Promise<Response> {
  const { project } = await authorize(req, "read");
  const checks = await getDb().check.findMany({ where: { projectId: project.id }, select: { tags: true } });
  const tags = new Set<string>();
  for (const { tags: s } of checks) for (const t of s.split(" ")) if (t.trim()) tags.add(t.trim());
  const badges: Record<string, Record<string, string>> = {};
  for (const tag of [...[...tags].sort(), "*"]) {
    const url = (fmt: "svg" | "json" | "shields", withLate: boolean) => getBadgeUrl(project.badgeKey, tag, fmt, withLate);
    badges[tag] = {
      svg: url("svg", false),
      svg3: url("svg", true),
      json: url("json", false),
      json3: url("json", true),
      shields: url("shields", false),
      shields3: url("shields", true),
    };
  }
  return jsonResponse({ badges });
}
