// The plan: what apply would create, change or delete, field by field, and which live objects
// someone changed on the server since the last apply (drift). Pure: it compares states.
import type { ParsedConfig } from "./parse-file";
import { ConfigError } from "./model";
import { getFileStates, liveObjectsOf, OBJECT_KINDS, type CheckState, type LiveObject, type LiveProject, type ObjectKind, type ObjectState } from "./state";

export interface FieldChange {
  field: string;
  /** undefined: the field is not set on that side. */
  old: unknown;
  new: unknown;
}

export interface PlanEntry {
  kind: ObjectKind;
  name: string;
  action: "create" | "update" | "delete";
  /** The live object's id (update, delete). */
  id?: string;
  /** From live to file (create: every field; delete: none). */
  changes: FieldChange[];
  /** From the last apply to live, when someone changed the object on the server since. */
  drift: FieldChange[] | null;
}

export interface Plan {
  entries: PlanEntry[];
  /** Live objects the file does not declare, left alone without --prune. */
  unmanaged: { kind: ObjectKind; name: string }[];
  warnings: string[];
}

function flatten(state: ObjectState | undefined): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!state) return out;
  for (const [key, value] of Object.entries(state)) {
    if (value === undefined) continue;
    if ((key === "probe" || key === "config") && value && typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out.set(`${key}.${k}`, v);
    } else {
      out.set(key, value);
    }
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields where `actual` differs from `desired`. Lenient (file against live): a slug or a
 * channel config key the file leaves out is the server's business, and so is a probe option
 * this client does not know; strict (live against the last apply): every field counts.
 */
export function diffStates(desired: ObjectState | undefined, actual: ObjectState | undefined, { lenient }: { lenient: boolean }): FieldChange[] {
  const d = flatten(desired);
  const a = flatten(actual);
  const hasProbe = [...d.keys()].some((k) => k.startsWith("probe."));
  const changes: FieldChange[] = [];
  for (const field of new Set([...d.keys(), ...a.keys()])) {
    if (lenient && !d.has(field) && (field === "slug" || field.startsWith("config.") || (hasProbe && field.startsWith("probe.")))) continue;
    if (!same(d.get(field), a.get(field))) changes.push({ field, old: a.get(field), new: d.get(field) });
  }
  return changes;
}

function pickLive(kind: ObjectKind, name: string, desired: ObjectState, live: LiveProject): LiveObject<ObjectState> | undefined {
  const objects = liveObjectsOf(live, kind);
  const byName = objects.filter((o) => o.name === name);
  if (kind === "check" && (desired as CheckState).slug) {
    const slug = (desired as CheckState).slug;
    // A slug picks among checks of the same name, and follows a check renamed on the server.
    return byName.find((o) => (o.state as CheckState).slug === slug) ?? byName[0] ?? objects.find((o) => (o.state as CheckState).slug === slug);
  }
  return byName[0];
}

/** Names the file refers to must exist in the file or on the server. */
function checkReferences(parsed: ParsedConfig, live: LiveProject): void {
  const { config, locate } = parsed;
  const channels = new Set([...Object.keys(config.channels), ...live.channels.map((c) => c.name)]);
  const checks = new Set([...Object.keys(config.checks), ...live.checks.map((c) => c.name)]);
  for (const [name, check] of Object.entries(config.checks)) {
    check.channels.forEach((channel, i) => {
      if (!channels.has(channel)) throw new ConfigError(`${locate(["checks", name, "channels", i])}: checks.${name}.channels: no channel named "${channel}" in the file or on the server`);
    });
  }
  for (const [slug, page] of Object.entries(config.status_pages)) {
    const seen = new Set<string>();
    page.components.forEach((c, i) => {
      const where = `${locate(["status_pages", slug, "components", i, "check"])}: status_pages.${slug}.components.${i}.check`;
      if (!checks.has(c.check)) throw new ConfigError(`${where}: no check named "${c.check}" in the file or on the server`);
      if (seen.has(c.check)) throw new ConfigError(`${where}: check "${c.check}" is listed twice`);
      seen.add(c.check);
    });
  }
}

/**
 * Compares the file with the live project. Per object: live equal to the file is nothing to
 * do; otherwise an update (or create), and drift when live differs from what the last apply
 * left. With `prune`, live objects the file does not declare are deleted. Throws ConfigError
 * for a reference to an unknown channel or check.
 */
export function computePlan(parsed: ParsedConfig, live: LiveProject, { prune = false }: { prune?: boolean } = {}): Plan {
  checkReferences(parsed, live);
  const files = getFileStates(parsed.config);
  const entries: PlanEntry[] = [];
  const unmanaged: Plan["unmanaged"] = [];
  const deletes: PlanEntry[] = [];
  for (const kind of OBJECT_KINDS) {
    const desiredByName = files.get(kind)!;
    const claimed = new Set<string>();
    for (const [name, desired] of desiredByName) {
      const current = pickLive(kind, name, desired, live);
      const record = live.applied.get(`${kind}:${name}`);
      if (!current) {
        const drift = record ? [{ field: "(object)", old: "present", new: "deleted on the server" }] : null;
        entries.push({ kind, name, action: "create", changes: diffStates(desired, undefined, { lenient: false }), drift });
        continue;
      }
      claimed.add(current.id);
      const changes = diffStates(desired, current.state, { lenient: true });
      if (current.name !== name) changes.unshift({ field: "name", old: current.name, new: name });
      if (changes.length === 0) continue;
      const driftFields = record && record.id === current.id ? diffStates(current.state, record.applied, { lenient: false }) : [];
      entries.push({ kind, name, action: "update", id: current.id, changes, drift: driftFields.length ? driftFields : null });
    }
    for (const o of liveObjectsOf(live, kind)) {
      if (claimed.has(o.id) || desiredByName.has(o.name)) continue;
      if (prune) deletes.push({ kind, name: o.name, action: "delete", id: o.id, changes: [], drift: null });
      else unmanaged.push({ kind, name: o.name });
    }
  }
  // Deletes run last, pages first (they show checks), channels last (checks name them).
  deletes.sort((a, b) => OBJECT_KINDS.indexOf(b.kind) - OBJECT_KINDS.indexOf(a.kind));
  return { entries: [...entries, ...deletes], unmanaged, warnings: [...parsed.warnings] };
}

const KIND_LABEL: Record<ObjectKind, string> = { check: "check", channel: "channel", status_page: "status page" };

function show(value: unknown): string {
  return value === undefined ? "(none)" : JSON.stringify(value);
}

/** The plan as `vigil plan` prints it: one block per object, fields as old → new. */
export function formatPlan(plan: Plan): string {
  const lines: string[] = plan.warnings.map((w) => `warning: ${w}`);
  const sign = { create: "+", update: "~", delete: "-" } as const;
  for (const e of plan.entries) {
    lines.push(`${sign[e.action]} ${KIND_LABEL[e.kind]} "${e.name}"${e.action === "create" ? " will be created" : e.action === "delete" ? " will be deleted (--prune)" : " will be changed"}`);
    if (e.drift) {
      lines.push("    ! drift: changed on the server since the last apply (apply will overwrite it):");
      for (const d of e.drift) lines.push(`        ${d.field}: ${show(d.old)} (applied) → ${show(d.new)} (now)`);
    }
    for (const c of e.changes) lines.push(e.action === "create" ? `    ${c.field}: ${show(c.new)}` : `    ${c.field}: ${show(c.old)} → ${show(c.new)}`);
  }
  const count = (a: PlanEntry["action"]) => plan.entries.filter((e) => e.action === a).length;
  if (plan.entries.length === 0) lines.push("No changes: the project matches the file.");
  else lines.push(`Plan: ${count("create")} to create, ${count("update")} to change, ${count("delete")} to delete.`);
  if (plan.unmanaged.length > 0) {
    lines.push(`${plan.unmanaged.length} object(s) on the server are not in the file and are left alone (--prune deletes them): ${plan.unmanaged.map((u) => `${KIND_LABEL[u.kind]} "${u.name}"`).join(", ")}`);
  }
  return lines.join("\n");
}

/** Whether applying would change anything (plan's exit 2). */
export function hasChanges(plan: Plan): boolean {
  return plan.entries.length > 0;
}
