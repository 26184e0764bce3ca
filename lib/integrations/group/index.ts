// The group kind (Healthchecks' Group): passes each alert on to other integrations of the same
// project, stored as {"value": "uuid,uuid"}. Members must be non-group channels of the group's
// own project, as Healthchecks' GroupForm offers only those (a group of groups could loop);
// delivery also skips any that were deleted since.
import { z } from "zod";
import type { Tx } from "../../db";
import { AppError } from "../../errors";
import type { KindDescriptor } from "../descriptor";
import { isRecord } from "../config";
import { groupTransport, readGroupChannelCodes } from "./transport";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Comma-separated channel UUIDs, as a string or {"value": ...}; stored lowercase, without spaces or repeats. */
const groupConfig = z.unknown().transform((input, ctx): Record<string, unknown> => {
  const value = typeof input === "string" ? input : isRecord(input) && Object.keys(input).join() === "value" ? input.value : undefined;
  const fail = (message: string, path: string[] = ["value"]) => {
    ctx.addIssue({ code: "custom", message, path });
    return z.NEVER;
  };
  if (typeof value !== "string") return fail('must be comma-separated channel UUIDs or {"value": ...}', []);
  const codes = [...new Set(value.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean))];
  if (codes.length === 0) return fail("must list at least one channel");
  const bad = codes.find((c) => !UUID.test(c));
  if (bad) return fail(`has an invalid channel UUID: ${bad}`);
  return { value: codes.join(",") };
});

export interface GroupConfig {
  channels: string[];
}

/**
 * Refuses members that are not channels of the project, or are groups (the group itself
 * included). Throws AppError("bad_request") naming the first bad UUID.
 */
async function assertGroupMembers(tx: Tx, projectId: number, codes: string[]): Promise<void> {
  const found = await tx.channel.findMany({ where: { projectId, code: { in: codes } }, select: { code: true, kind: true } });
  const kinds = new Map(found.map((c) => [c.code, c.kind]));
  for (const code of codes) {
    const kind = kinds.get(code);
    const opts = { field: "value", userMessage: "Choose integrations of this project that are not groups." };
    if (kind === undefined) throw new AppError("bad_request", `invalid group config: ${code} is not an integration of this project`, opts);
    if (kind === "group") throw new AppError("bad_request", `invalid group config: ${code} is a group, and a group cannot contain groups`, opts);
  }
}

export const groupKind: KindDescriptor<GroupConfig> = {
  kind: "group",
  label: "Group",
  description: "Pass alerts on to several other integrations of this project at once.",
  icon: "group",
  configSchema: groupConfig,
  readConfig: (json) => ({ channels: readGroupChannelCodes(json) }),
  transport: groupTransport,
  form: {
    layout: "group",
    steps: ["Tick the integrations the group passes each alert on to."],
    fields: [{ name: "channels", label: "Integrations", type: "multiple", required: true }],
    toConfig: (v) => ({ config: { value: v.channels ?? "" } }),
    fromConfig: (c) => ({ channels: c.channels.join(",") }),
    errorFields: { value: "channels", "": "channels" },
    messages: { channels: { empty: "Choose at least one integration." } },
  },
  summarize: ({ channels }) => [channels.length === 1 ? "1 integration" : `${channels.length} integrations`],
  beforeSave: async (tx, { project, config }) => {
    await assertGroupMembers(tx, project.id, config.channels);
    return {};
  },
};
