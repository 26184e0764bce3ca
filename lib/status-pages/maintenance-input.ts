// A maintenance window as the web app and the API give it, checked: Statuspage's field names,
// ISO 8601 times (or Dates from the web app), an end after the start, at least one component.
import { bad, parseBody, parseName } from "./incident-writes";

export interface ParsedMaintenance {
  name?: string;
  body?: string;
  scheduledFor?: Date;
  scheduledUntil?: Date;
  components?: string[];
}

/** A Date, or an ISO 8601 text with a date and time ("2026-12-04T10:00:00Z"); else a 400. */
export function parseTime(value: unknown, field: string): Date {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(value.trim())) {
    const parsed = new Date(value.trim());
    // Date() rolls "2030-02-30" over to March 2nd; a day that does not exist is an error.
    const [y, m, d] = value.trim().slice(0, 10).split("-").map(Number);
    const day = new Date(Date.UTC(y, m - 1, d));
    const realDay = day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
    if (!Number.isNaN(parsed.getTime()) && realDay) return parsed;
  }
  throw bad(field, `${field} is not an ISO 8601 date and time`);
}

/**
 * Checks a maintenance. `partial` (updates): fields left out stay; the window is checked
 * against what is stored by the verb. Throws AppError("bad_request", …, { field }).
 */
export function parseMaintenance(raw: unknown, { partial = false } = {}): ParsedMaintenance {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw bad("", "the maintenance is not an object");
  const input = raw as Record<string, unknown>;
  const out: ParsedMaintenance = {};
  if (!partial || input.name !== undefined) out.name = parseName(input.name);
  if (input.body !== undefined) out.body = parseBody(input.body);
  if (!partial || input.scheduled_for !== undefined) out.scheduledFor = parseTime(input.scheduled_for, "scheduled_for");
  if (!partial || input.scheduled_until !== undefined) out.scheduledUntil = parseTime(input.scheduled_until, "scheduled_until");
  if (out.scheduledFor && out.scheduledUntil) checkWindow(out.scheduledFor, out.scheduledUntil);
  if (!partial || input.components !== undefined) {
    const list = input.components;
    if (!Array.isArray(list) || list.some((c) => typeof c !== "string")) throw bad("components", "components must be a list of check UUIDs");
    if (list.length === 0) throw bad("components", "a maintenance needs at least one component");
    if (new Set(list).size !== list.length) throw bad("components", "a check is listed twice in components");
    out.components = list as string[];
  }
  return out;
}

export function checkWindow(from: Date, until: Date): void {
  if (until.getTime() <= from.getTime()) throw bad("scheduled_until", "scheduled_until must be after scheduled_for");
}
