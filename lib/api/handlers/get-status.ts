import { getDb } from "../../db";
import { textResponse } from "../respond";
import type { ApiContext } from "../types";

/** GET status/: "OK" once the database answers; a failing database surfaces as a 500. */
export async function getStatusHandler(_req: Request, _ctx: ApiContext): Promise<Response> {
  await getDb().$queryRaw`SELECT 1`;
  return textResponse("OK");
}
