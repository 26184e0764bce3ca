// One form for both sides of a plan: every object of the file and of the live project becomes a
// "state" with every default written out, so that a default left out of the file, written in
// it, or filled in by the server compares equal. Live states are read over the management API.
import type { ApiClient } from "./api-client";
import { ConfigError, type ConfigFile, type FileCheck, type FileChannel, type FilePage } from "./model";

export type ObjectKind = "check" | "channel" | "status_page";
export const OBJECT_KINDS: readonly ObjectKind[] = ["channel", "check", "status_page"];

export interface CheckState {
  /** Only compared when the file names one. */
  slug?: string;
  desc: string;
  tags: string[];
  grace: number;
  timeout?: number;
  schedule?: string;
  tz?: string;
  probe?: Record<string, unknown>;
  /** Channel names, sorted. */
  channels: string[];
  manual_resume: boolean;
  methods: string;
}

export interface ChannelState {
  kind: string;
  config: Record<string, unknown>;
  notify_degraded: boolean;
}

export interface ComponentState {
  /** The check's name. */
  check: string;
  name: string;
  description: string;
  group: string;
}

export interface PageState {
  title: string;
  description: string;
  logo_url: string;
  theme: string;
  time_zone: string;
  access: string;
  custom_domain: string | null;
  auto_incidents: boolean;
  components: ComponentState[];
}

export type ObjectState = CheckState | ChannelState | PageState;

export interface LiveObject<S> {
  /** The public id: check or channel UUID, page code. */
  id: string;
  name: string;
  state: S;
  /** The API's own rendering, for the few fields states leave out (a check's slug…). */
  raw: Record<string, unknown>;
}

export interface AppliedRecord {
  kind: ObjectKind;
  name: string;
  id: string;
  applied: ObjectState;
  appliedAt: string | null;
}

export interface LiveProject {
  checks: LiveObject<CheckState>[];
  channels: LiveObject<ChannelState>[];
  pages: LiveObject<PageState>[];
  /** By `${kind}:${name}`. */
  applied: Map<string, AppliedRecord>;
}

const sortedSet = (list: readonly string[]) => [...new Set(list)].sort();

export function checkStateFromFile(c: FileCheck): CheckState {
  const state: CheckState = {
    desc: c.desc,
    tags: sortedSet(c.tags),
    grace: c.grace ?? (c.probe ? 60 : 3600),
    channels: sortedSet(c.channels),
    manual_resume: c.manual_resume,
    methods: c.methods,
  };
  if (c.slug !== undefined) state.slug = c.slug;
  if (c.probe) state.probe = { ...c.probe };
  else if (c.schedule !== undefined) Object.assign(state, { schedule: c.schedule, tz: c.tz ?? "UTC" });
  else state.timeout = c.timeout ?? 86400;
  return state;
}

export function channelStateFromFile(c: FileChannel): ChannelState {
  return { kind: c.kind, config: { ...c.config, ...(c.value !== undefined ? { value: c.value } : {}) }, notify_degraded: c.notify_degraded };
}

export function pageStateFromFile(p: FilePage): PageState {
  return {
    title: p.title,
    description: p.description,
    logo_url: p.logo_url,
    theme: p.theme,
    time_zone: p.time_zone,
    access: p.access,
    custom_domain: p.custom_domain === "" ? null : p.custom_domain,
    auto_incidents: p.auto_incidents,
    components: p.components.map((c) => ({ check: c.check, name: c.name ?? c.check, description: c.description, group: c.group })),
  };
}

/** Every object of the file as a state, by kind and name. */
export function getFileStates(config: ConfigFile): Map<ObjectKind, Map<string, ObjectState>> {
  const map = <T, S>(record: Record<string, T>, fn: (v: T) => S) => new Map(Object.entries(record).map(([k, v]) => [k, fn(v) as ObjectState]));
  return new Map<ObjectKind, Map<string, ObjectState>>([
    ["channel", map(config.channels, channelStateFromFile)],
    ["check", map(config.checks, checkStateFromFile)],
    ["status_page", map(config.status_pages, pageStateFromFile)],
  ]);
}

type Dict = Record<string, unknown>;

const str = (v: unknown, dflt = "") => (typeof v === "string" ? v : dflt);

/**
 * Reads the key's project: checks (with probes), channels (each with its config), status pages,
 * and what the last apply applied. Throws ConfigError from the client.
 */
export async function readLiveProject(client: ApiClient): Promise<LiveProject> {
  const [{ checks }, { channels }, { status_pages: pages }, { objects }] = await Promise.all([
    client.get<{ checks: Dict[] }>("checks/"),
    client.get<{ channels: Dict[] }>("channels/"),
    client.get<{ status_pages: Dict[] }>("status-pages/"),
    // A Vigil from before applied/ existed: plan works, without drift.
    client.get<{ objects: Dict[] }>("applied/").catch((err: unknown) => {
      if (err instanceof ConfigError && err.status === 404) return { objects: [] };
      throw err;
    }),
  ]);
  const fullChannels = await Promise.all(channels.map((c) => client.get<Dict>(`channels/${str(c.id)}`)));
  const channelName = new Map(fullChannels.map((c) => [str(c.id), str(c.name)]));
  const checkName = new Map(checks.map((c) => [str(c.uuid), str(c.name)]));

  const liveChecks = checks.map((c): LiveObject<CheckState> => {
    const state: CheckState = {
      slug: str(c.slug),
      desc: str(c.desc),
      tags: sortedSet(str(c.tags).split(" ").filter(Boolean)),
      grace: Number(c.grace),
      channels: sortedSet(str(c.channels).split(",").filter(Boolean).map((id) => channelName.get(id) ?? id)),
      manual_resume: c.manual_resume === true,
      methods: str(c.methods),
    };
    if (c.probe && typeof c.probe === "object") state.probe = c.probe as Dict;
    else if (typeof c.schedule === "string") Object.assign(state, { schedule: c.schedule, tz: str(c.tz, "UTC") });
    else state.timeout = Number(c.timeout);
    return { id: str(c.uuid), name: str(c.name), state, raw: c };
  });

  const liveChannels = fullChannels.map((c): LiveObject<ChannelState> => ({
    id: str(c.id),
    name: str(c.name),
    state: { kind: str(c.kind), config: (c.config && typeof c.config === "object" ? c.config : {}) as Dict, notify_degraded: c.notify_degraded === true },
    raw: c,
  }));

  const livePages = pages.map((p): LiveObject<PageState> => {
    const components = (Array.isArray(p.components) ? (p.components as Dict[]) : []).map((c) => {
      const check = checkName.get(str(c.check)) ?? str(c.check);
      return { check, name: str(c.name) || check, description: str(c.description), group: str(c.group) };
    });
    return {
      id: str(p.id),
      name: str(p.slug),
      state: {
        title: str(p.title),
        description: str(p.description),
        logo_url: str(p.logo_url),
        theme: str(p.theme, "system"),
        time_zone: str(p.time_zone, "UTC"),
        access: str(p.access, "public"),
        custom_domain: typeof p.custom_domain === "string" && p.custom_domain !== "" ? p.custom_domain : null,
        auto_incidents: p.auto_incidents === true,
        components,
      },
      raw: p,
    };
  });

  const applied = new Map<string, AppliedRecord>();
  for (const o of objects) {
    const record: AppliedRecord = { kind: o.kind as ObjectKind, name: str(o.name), id: str(o.id), applied: o.applied as ObjectState, appliedAt: typeof o.applied_at === "string" ? o.applied_at : null };
    applied.set(`${record.kind}:${record.name}`, record);
  }
  return { checks: liveChecks, channels: liveChannels, pages: livePages, applied };
}

/** The live objects of a kind, as one list type. */
export function liveObjectsOf(live: LiveProject, kind: ObjectKind): LiveObject<ObjectState>[] {
  return kind === "check" ? live.checks : kind === "channel" ? live.channels : live.pages;
}
