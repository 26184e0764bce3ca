import { listBadgeTags } from "../../badges/list-project-badges";
import { getBadgeUrl } from "../../projects/keys";
import { authorize } from "../authorize";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/**
 * GET badges/: the six badge URLs (svg/json/shields, 2- and 3-state) per tag, tags sorted, then
 * "*". At most MAX_BADGE_TAGS tags are listed, so a check with an enormous tags string cannot
 * make this request expensive. A Map keeps that order for tags such as "10" and "9", which a
 * plain object would list first, in numeric order.
 */
export async function listBadgesHandler(req: Request, _ctx: ApiContext): Promise<Response> {
  const { project } = await authorize(req, "read");
  const { tags } = await listBadgeTags(project.id);
  const badges = new Map<string, Record<string, string>>();
  for (const tag of [...tags.sort(), "*"]) {
    const url = (fmt: "svg" | "json" | "shields", withLate: boolean) => getBadgeUrl(project.badgeKey, tag, fmt, withLate);
    badges.set(tag, {
      svg: url("svg", false),
      svg3: url("svg", true),
      json: url("json", false),
      json3: url("json", true),
      shields: url("shields", false),
      shields3: url("shields", true),
    });
  }
  return jsonResponse({ badges });
}
