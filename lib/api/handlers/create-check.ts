import { createCheck } from "../../checks/create-check";
import { authorize } from "../authorize";
import { renderCheck } from "../render-check";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/** POST checks/: creates a check (201), or updates the one `unique` matches (200). */
export async function createCheckHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor, project, json } = await authorize(req, "write");
  const { check, created } = await createCheck({ actor, projectCode: project.code, input: json, version: ctx.version });
  return jsonResponse(await renderCheck(check, ctx.version), created ? 201 : 200);
}
