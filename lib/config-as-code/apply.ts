// `vigil apply`: makes the project match the file through the management API, in an order
// that keeps every reference valid (channels, then checks that name them, then the status pages
// that show checks; deletes last), then records what it applied for the next plan's drift.
import type { ApiClient } from "./api-client";
import { ConfigError, type ConfigFile, type FileCheck, type FilePage } from "./model";
import type { ParsedConfig } from "./parse-file";
import { computePlan, type Plan, type PlanEntry } from "./plan";
import { getFileStates, readLiveProject, type ChannelState, type CheckState, type LiveProject, type ObjectKind } from "./state";

type Dict = Record<string, unknown>;

const PATHS: Record<ObjectKind, string> = { check: "checks", channel: "channels", status_page: "status-pages" };

function idByName(objects: { id: string; name: string }[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const o of objects) if (!map.has(o.name)) map.set(o.name, o.id);
  return map;
}

function checkBody(name: string, c: FileCheck, channelIds: Map<string, string>, wasActive: boolean): Dict {
  const body: Dict = {
    name,
    desc: c.desc,
    tags: [...new Set(c.tags)].join(" "),
    channels: c.channels.map((n) => channelIds.get(n)!).join(","),
    manual_resume: c.manual_resume,
    methods: c.methods,
    grace: c.grace ?? (c.probe ? 60 : 3600),
  };
  if (c.slug !== undefined) body.slug = c.slug;
  if (c.probe) body.probe = c.probe;
  else {
    if (wasActive) body.probe = null;
    if (c.schedule !== undefined) Object.assign(body, { schedule: c.schedule, tz: c.tz ?? "UTC" });
    else body.timeout = c.timeout ?? 86400;
  }
  return body;
}

function pageBody(slug: string, p: FilePage, checkIds: Map<string, string>, includePassword: boolean): Dict {
  const body: Dict = {
    slug,
    title: p.title,
    description: p.description,
    logo_url: p.logo_url,
    theme: p.theme,
    time_zone: p.time_zone,
    access: p.access,
    custom_domain: p.custom_domain === "" ? null : p.custom_domain,
    auto_incidents: p.auto_incidents,
    // A name left out follows the check's name, as on the page editor.
    components: p.components.map((c) => ({ check: checkIds.get(c.check)!, name: c.name ?? "", description: c.description, group: c.group })),
  };
  if (includePassword && p.password) body.password = p.password;
  return body;
}

function channelBody(name: string, state: ChannelState): Dict {
  return { name, kind: state.kind, config: state.config, notify_degraded: state.notify_degraded };
}

export interface ApplyResult {
  plan: Plan;
  /** One line per write, as apply prints them. */
  log: string[];
}

async function runEntry(client: ApiClient, config: ConfigFile, entry: PlanEntry, live: LiveProject, log: string[]): Promise<void> {
  const files = getFileStates(config);
  const verb = entry.action === "create" ? "created" : "changed";
  const channelIds = idByName(live.channels);
  const checkIds = idByName(live.checks);
  const path = entry.id ? `${PATHS[entry.kind]}/${entry.id}` : `${PATHS[entry.kind]}/`;
  // Objects created here join `live`, so the checks and pages after them can name them.
  if (entry.kind === "channel") {
    const state = files.get("channel")!.get(entry.name) as ChannelState;
    const answer = await client.post(path, channelBody(entry.name, state));
    if (!entry.id) live.channels.push({ id: String(answer.id), name: entry.name, state, raw: answer });
  } else if (entry.kind === "check") {
    const current = live.checks.find((c) => c.id === entry.id);
    const answer = await client.post(path, checkBody(entry.name, config.checks[entry.name], channelIds, current?.state.probe !== undefined));
    if (!current) live.checks.push({ id: String(answer.uuid), name: entry.name, state: files.get("check")!.get(entry.name) as CheckState, raw: answer });
  } else {
    const current = live.pages.find((p) => p.id === entry.id);
    const page = config.status_pages[entry.name];
    await client.post(path, pageBody(entry.name, page, checkIds, !current || current.state.access !== page.access));
  }
  log.push(`${verb} ${entry.kind.replace("_", " ")} "${entry.name}"`);
}

/**
 * Applies the file: creates, then changes (channels, checks, pages), then, with `prune`,
 * deletes; then saves what was applied per object. Idempotent: a second run finds nothing to
 * do. Returns the plan it carried out. Throws ConfigError when the server refuses a write
 * (the writes before it stay done; run apply again after fixing the file).
 */
export async function applyConfig(client: ApiClient, parsed: ParsedConfig, { prune = false }: { prune?: boolean } = {}): Promise<ApplyResult> {
  const live = await readLiveProject(client);
  const plan = computePlan(parsed, live, { prune });
  const log: string[] = [];
  const order: ObjectKind[] = ["channel", "check", "status_page"];
  for (const kind of order) {
    for (const entry of plan.entries.filter((e) => e.kind === kind && e.action !== "delete")) {
      try {
        await runEntry(client, parsed.config, entry, live, log);
      } catch (err) {
        if (err instanceof ConfigError) throw new ConfigError(`${entry.kind.replace("_", " ")} "${entry.name}": ${err.message}`);
        throw err;
      }
      if (entry.drift) log.push(`  (overwrote changes made on the server since the last apply: ${entry.drift.map((d) => d.field).join(", ")})`);
    }
  }
  for (const entry of plan.entries.filter((e) => e.action === "delete")) {
    await client.delete(`${PATHS[entry.kind]}/${entry.id}`);
    log.push(`deleted ${entry.kind.replace("_", " ")} "${entry.name}"`);
  }
  await recordApplied(client, parsed, plan);
  return { plan, log };
}

/** Saves the live state of every object the file declares (and forgets pruned ones). */
async function recordApplied(client: ApiClient, parsed: ParsedConfig, plan: Plan): Promise<void> {
  const live = await readLiveProject(client);
  const files = getFileStates(parsed.config);
  const objects: Dict[] = [];
  for (const [kind, byName] of files) {
    const list = kind === "check" ? live.checks : kind === "channel" ? live.channels : live.pages;
    for (const name of byName.keys()) {
      const o = list.find((x) => x.name === name);
      if (o) objects.push({ kind, name, id: o.id, applied: o.state });
    }
  }
  for (const e of plan.entries) if (e.action === "delete") objects.push({ kind: e.kind, name: e.name, delete: true });
  if (objects.length > 0) await client.post("applied/", { objects });
}
