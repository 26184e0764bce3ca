// Reading a vigil.yml (YAML, or JSON, which YAML reads too) or a Checkup checkup.json into the
// model, with errors that point at the line: "vigil.yml:12: checks.backup.schedule: <problem>".
import path from "node:path";
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { z } from "zod";
import { AppError } from "../errors";
import { parseCheckupConfig } from "../probes/checkup";
import { ConfigError, configFileSchema, type ConfigFile } from "./model";

export interface ParsedConfig {
  config: ConfigFile;
  /** "vigil" for a vigil.yml, "checkup" for a Checkup checkup.json. */
  format: "vigil" | "checkup";
  /** Things the file holds that cannot be applied (Checkup's exec checkers…). */
  warnings: string[];
  /** "<file>:<line>" of a field path, for errors found later (an unknown channel name…). */
  locate: (keys: readonly PropertyKey[], atKey?: boolean) => string;
}

function issuePath(issue: z.core.$ZodIssue): PropertyKey[] {
  return issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]] : issue.path;
}

/** The node at `path`, or the deepest one on the way; a map key itself for unknown keys. */
function findNode(doc: Document, keys: readonly PropertyKey[], { atKey = false } = {}): Node | null {
  let node: unknown = doc.contents;
  let found: Node | null = isNode(node) ? node : null;
  for (const [i, key] of keys.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
      if (!pair) return found;
      if (atKey && i === keys.length - 1 && isNode(pair.key)) return pair.key;
      const value = pair.value;
      // A key with no value (`schedule:`) points at the key's line.
      found = isNode(value) && value.range ? value : isNode(pair.key) ? pair.key : found;
      node = value;
    } else if (node && typeof node === "object" && "items" in node && typeof key === "number") {
      const item = (node as { items: unknown[] }).items[key];
      if (!isNode(item)) return found;
      found = item;
      node = item;
    } else {
      return found;
    }
  }
  return found;
}

function describeIssue(issue: z.core.$ZodIssue, doc: Document): string {
  if (issue.code === "unrecognized_keys") return `unknown field ${issue.keys.join(", ")}`;
  if (issue.code === "invalid_key") return issue.issues[0]?.message ?? issue.message;
  // zod leaves the input out of issues, so "missing" is read from the document.
  if (issue.code === "invalid_type" && !doc.hasIn(issue.path)) return "is required";
  return issue.message;
}

function fromCheckup(json: unknown, file: string): ParsedConfig {
  let checkers;
  try {
    checkers = parseCheckupConfig(json, path.dirname(file));
  } catch (err) {
    throw new ConfigError(`${path.basename(file)}: ${err instanceof AppError ? err.message.replace(/^checkup\.json: /, "") : String(err)}`);
  }
  const warnings: string[] = [];
  const checks: ConfigFile["checks"] = {};
  for (const c of checkers) {
    if (c.kind === "exec") {
      warnings.push(`checker "${c.title}": exec checkers run only with \`vigil check\`, not on the server; skipped`);
      continue;
    }
    if (c.ca) warnings.push(`checker "${c.title}": its CA files stay local; the server's trust store is used`);
    if (checks[c.title]) throw new ConfigError(`${path.basename(file)}: two checkers are named "${c.title}"`);
    checks[c.title] = { desc: c.endpoint, tags: ["checkup"], probe: c.config, channels: [], manual_resume: false, methods: "" };
  }
  return { config: { checks, channels: {}, status_pages: {} }, format: "checkup", warnings, locate: () => path.basename(file) };
}

/**
 * Parses the text of a vigil.yml or checkup.json (`file` names it in messages and resolves
 * Checkup's certificate paths). Throws ConfigError "<file>:<line>: <field path>: <problem>".
 */
export function parseConfigText(text: string, file: string): ParsedConfig {
  const name = path.basename(file);
  const lineCounter = new LineCounter();
  // uniqueKeys (the default) makes a name declared twice an error at its second line.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const locate = (keys: readonly PropertyKey[], atKey = false) => {
    const node = findNode(doc, keys, { atKey });
    return `${name}:${node?.range ? lineOf(node.range[0]) : 1}`;
  };
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const message = err.code === "DUPLICATE_KEY" ? "a name is declared twice (map keys must be unique)" : err.message.split("\n")[0];
    throw new ConfigError(`${name}:${lineOf(err.pos[0])}: ${message}`);
  }
  const data: unknown = doc.toJS() ?? {};
  if (data && typeof data === "object" && !Array.isArray(data) && Array.isArray((data as { checkers?: unknown }).checkers)) {
    return fromCheckup(data, file);
  }
  const result = configFileSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const keys = issuePath(issue);
    const where = keys.length ? `${keys.map(String).join(".")}: ` : "";
    const atKey = issue.code === "invalid_key" || issue.code === "unrecognized_keys";
    throw new ConfigError(`${locate(keys, atKey)}: ${where}${describeIssue(issue, doc)}`);
  }
  return { config: result.data, format: "vigil", warnings: [], locate };
}
