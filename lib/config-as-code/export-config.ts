// `vigil export`: the live project as a vigil.yml, in a stable order (names sorted, fields in
// the model's order), leaving out what equals its default so the file stays short. Plan on the
// output reports nothing to change.
import { stringify } from "yaml";
import { probeSchema } from "./model";
import { readLiveProject, type CheckState, type LiveProject } from "./state";
import type { ApiClient } from "./api-client";

type Dict = Record<string, unknown>;

const byName = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** The probe without the options that equal their defaults (and any this client does not know). */
function shortProbe(probe: Dict): Dict {
  const full = probeSchema.safeParse(probe);
  // An option this client's schema does not know (a newer server): keep the probe as it is.
  if (!full.success) return probe;
  const out: Dict = {};
  for (const [key, value] of Object.entries(full.data)) {
    if (key === "type") {
      out[key] = value;
      continue;
    }
    const without = { ...full.data } as Dict;
    delete without[key];
    const parsed = probeSchema.safeParse(without);
    if (!parsed.success || JSON.stringify((parsed.data as Dict)[key]) !== JSON.stringify(value)) out[key] = value;
  }
  return out;
}

function exportCheck(state: CheckState): Dict {
  const out: Dict = {};
  if (state.slug) out.slug = state.slug;
  if (state.desc) out.desc = state.desc;
  if (state.tags.length) out.tags = state.tags;
  if (state.probe) out.probe = shortProbe(state.probe);
  else if (state.schedule !== undefined) Object.assign(out, { schedule: state.schedule, ...(state.tz !== "UTC" ? { tz: state.tz } : {}) });
  else if (state.timeout !== 86400) out.timeout = state.timeout;
  if (state.grace !== (state.probe ? 60 : 3600)) out.grace = state.grace;
  if (state.channels.length) out.channels = state.channels;
  if (state.manual_resume) out.manual_resume = true;
  if (state.methods) out.methods = state.methods;
  return out;
}

/** The project as a config file object (what `export` prints as YAML). */
export function projectToConfig(live: LiveProject): Dict {
  const checks: Dict = {};
  for (const c of byName(live.checks)) if (!(c.name in checks)) checks[c.name] = exportCheck(c.state);
  const channels: Dict = {};
  for (const c of byName(live.channels)) {
    if (c.name in channels) continue;
    channels[c.name] = { kind: c.state.kind, config: c.state.config, ...(c.state.notify_degraded ? { notify_degraded: true } : {}) };
  }
  const pages: Dict = {};
  for (const p of byName(live.pages)) {
    const s = p.state;
    const page: Dict = { title: s.title };
    if (s.description) page.description = s.description;
    if (s.logo_url) page.logo_url = s.logo_url;
    if (s.theme !== "system") page.theme = s.theme;
    if (s.time_zone !== "UTC") page.time_zone = s.time_zone;
    if (s.access !== "public") page.access = s.access;
    if (s.custom_domain) page.custom_domain = s.custom_domain;
    if (s.auto_incidents) page.auto_incidents = true;
    if (s.components.length) {
      page.components = s.components.map((c) => ({
        check: c.check,
        ...(c.name !== c.check ? { name: c.name } : {}),
        ...(c.description ? { description: c.description } : {}),
        ...(c.group ? { group: c.group } : {}),
      }));
    }
    pages[p.name] = page;
  }
  const out: Dict = {};
  if (Object.keys(checks).length) out.checks = checks;
  if (Object.keys(channels).length) out.channels = channels;
  if (Object.keys(pages).length) out.status_pages = pages;
  return out;
}

/** Names the server holds twice: the export keeps the first of each (by name order). */
export function findDuplicateNames(live: LiveProject): string[] {
  const dups: string[] = [];
  for (const [label, list] of [["check", live.checks], ["channel", live.channels]] as const) {
    const seen = new Set<string>();
    for (const o of list) {
      if (seen.has(o.name)) dups.push(`${label} "${o.name}"`);
      seen.add(o.name);
    }
  }
  return dups;
}

/** The YAML `vigil export` prints, with the comment that gives editors the schema. */
export async function exportConfig(client: ApiClient): Promise<{ yaml: string; warnings: string[] }> {
  const live = await readLiveProject(client);
  const warnings = findDuplicateNames(live).map((d) => `${d} exists more than once on the server; the export keeps the first`);
  const header = `# yaml-language-server: $schema=./vigil.schema.json\n# Exported by \`vigil export\` from ${client.base}\n`;
  return { yaml: header + stringify(projectToConfig(live), { lineWidth: 0 }), warnings };
}
