import { checkToDict } from "../checks/to-dict";
import type { Check } from "../db";
import { getChannelCodes } from "./get-channel-codes";
import type { ApiVersion } from "./types";

/** checkToDict for one check, loading its channel UUIDs when the rw shape needs them. */
export async function renderCheck(check: Check, version: ApiVersion, readOnly = false): Promise<Record<string, unknown>> {
  const channelCodes = readOnly ? [] : ((await getChannelCodes({ checkId: check.id })).get(check.id) ?? []);
  return checkToDict(check, { version, readOnly, channelCodes });
}
