// A probe as web-form values and back: the fields every type shares, and the conversions from
// the strings a form submits (numbers, checkboxes, one header or answer per line) to the probe
// object parseProbeConfig validates. Pure, so client components may use it.
import type { FormField } from "../integrations/descriptor";
import type { JsonAssertion } from "./types";

/** The options every type has, in display order; each type's descriptor lists its own after. */
export const COMMON_PROBE_FIELDS: readonly FormField[] = [
  { name: "interval", label: "Check every (seconds)", type: "text", placeholder: "60", hint: "10 to 86400" },
  { name: "timeout", label: "Timeout per attempt (seconds)", type: "text", placeholder: "10", hint: "1 to 60" },
  { name: "attempts", label: "Attempts", type: "text", placeholder: "1", hint: "Any failed attempt makes the run down" },
  { name: "attempt_spacing", label: "Pause between attempts (ms)", type: "text", placeholder: "0" },
  { name: "threshold_rtt", label: "Degraded above (ms)", type: "text", placeholder: "0", hint: "Median round trip; 0 = off" },
  { name: "regions", label: "Regions", type: "text", placeholder: "local", hint: "Comma-separated; local is this server, others need an agent" },
  { name: "quorum", label: "Quorum", type: "text", placeholder: "majority", hint: "Regions that must fail in one round for the check to be down; fewer make it degraded" },
];

const NUMBER_OPTIONS = new Set(["interval", "timeout", "attempts", "attempt_spacing", "threshold_rtt", "cert_expiry_threshold", "quorum"]);
const BOOLEAN_OPTIONS = new Set(["follow_redirects", "tls_skip_verify", "tls"]);

/** "Name: value" lines → headers; returns the first bad line's problem instead. */
function headersFromLines(text: string): Record<string, string> | string {
  const headers: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const colon = line.indexOf(":");
    if (colon <= 0) return `"${line.trim()}" is not a "Name: value" line`;
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** `$.path op value` lines → assertions; a value that is not JSON is a string. */
function assertionsFromLines(text: string): JsonAssertion[] | string {
  const out: JsonAssertion[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const m = /^\s*(\S+)\s+(==|!=|<=|>=|<|>|contains)\s+(.*?)\s*$/.exec(line);
    if (!m) return `"${line.trim()}" is not a "$.path op value" line`;
    let value: JsonAssertion["value"];
    try {
      const parsed: unknown = JSON.parse(m[3]);
      value = parsed === null || ["string", "number", "boolean"].includes(typeof parsed) ? (parsed as JsonAssertion["value"]) : m[3];
    } catch {
      value = m[3];
    }
    out.push({ path: m[1], op: m[2] as JsonAssertion["op"], value });
  }
  return out;
}

/**
 * The probe object for submitted form values of a `type` probe: empty fields are left out (so
 * they take their defaults), whole numbers become numbers, ticked checkboxes true. `errors` are
 * problems only the form can see (a header line without a colon), by field; everything else is
 * for parseProbeConfig to judge.
 */
export function probeFromForm(type: string, values: Readonly<Record<string, string>>): { config: Record<string, unknown>; errors?: Record<string, string> } {
  const config: Record<string, unknown> = { type };
  const errors: Record<string, string> = {};
  for (const [name, raw] of Object.entries(values)) {
    if (name === "type") continue;
    const value = raw.trim();
    if (BOOLEAN_OPTIONS.has(name)) config[name] = value === "on" || value === "true";
    else if (value === "") continue;
    else if (NUMBER_OPTIONS.has(name)) config[name] = /^-?\d+$/.test(value) ? Number(value) : value;
    else if (name === "headers") {
      const h = headersFromLines(raw);
      if (typeof h === "string") errors.headers = h;
      else config.headers = h;
    } else if (name === "json") {
      const a = assertionsFromLines(raw);
      if (typeof a === "string") errors.json = a;
      else config.json = a;
    } else if (name === "expected" || name === "regions") {
      config[name] = raw.split(/[\r\n,]+/).map((s) => s.trim()).filter(Boolean);
    } else if (name === "body") config.body = raw;
    else config[name] = value;
  }
  return Object.keys(errors).length ? { config, errors } : { config };
}

/** The form's values for a stored probe (the edit page). */
export function probeToForm(config: Readonly<Record<string, unknown>>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(config)) {
    if (typeof value === "boolean") values[name] = value ? "on" : "";
    else if (name === "headers") values[name] = Object.entries(value as Record<string, string>).map(([k, v]) => `${k}: ${v}`).join("\n");
    else if (name === "json") values[name] = (value as JsonAssertion[]).map((a) => `${a.path} ${a.op} ${JSON.stringify(a.value)}`).join("\n");
    else if (name === "regions") values[name] = (value as string[]).join(", ");
    else if (Array.isArray(value)) values[name] = value.join("\n");
    else values[name] = String(value);
  }
  return values;
}
