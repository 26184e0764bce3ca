// Reading the status-page forms' fields into the verbs' inputs. Browsers send whatever they
// like, so every value is checked for its type here; what it means (a valid slug, a known
// status) is for the verbs to judge, so their errors land on the right field.
import { AppError } from "@/lib/errors";
import { getTimeZoneOrUtc } from "@/lib/schedules/zoned-time";
import type { ComponentSpec, ComponentStatus, IncidentInput, IncidentUpdateInput, MaintenanceInput, PageAccess, PageTheme, StatusPageSpec } from "@/lib/status-pages/types";

const text = (form: FormData, name: string): string => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};
const texts = (form: FormData, name: string): string[] => form.getAll(name).map((v) => (typeof v === "string" ? v : ""));

/** The page editor's fields as a StatusPageSpec (an empty password keeps the stored one). */
export function readPageSpec(form: FormData): StatusPageSpec {
  const checks = texts(form, "component_check");
  const names = texts(form, "component_name");
  const descriptions = texts(form, "component_description");
  const groups = texts(form, "component_group");
  const components: ComponentSpec[] = checks.map((check, i) => ({
    check,
    name: (names[i] ?? "").trim() || undefined,
    description: (descriptions[i] ?? "").trim(),
    group: (groups[i] ?? "").trim(),
  }));
  const password = text(form, "password");
  return {
    slug: text(form, "slug").trim(),
    title: text(form, "title").trim(),
    description: text(form, "description").trim(),
    logo_url: text(form, "logo_url").trim(),
    theme: text(form, "theme") as PageTheme,
    time_zone: text(form, "time_zone"),
    custom_domain: text(form, "custom_domain").trim() || null,
    access: text(form, "access") as PageAccess,
    ...(password ? { password } : {}),
    auto_incidents: form.get("auto_incidents") === "on",
    components,
  };
}

/** `component:<check uuid>` selects with a status; "" = not affected / unchanged. */
function readComponentStatuses(form: FormData): Record<string, ComponentStatus> {
  const out: Record<string, ComponentStatus> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("component:") && typeof value === "string" && value) out[key.slice("component:".length)] = value as ComponentStatus;
  }
  return out;
}

export function readIncidentInput(form: FormData): IncidentInput {
  return {
    name: text(form, "name").trim(),
    status: text(form, "status") as IncidentInput["status"],
    impact: text(form, "impact") as IncidentInput["impact"],
    body: text(form, "body").trim(),
    components: readComponentStatuses(form),
  };
}

export function readIncidentUpdateInput(form: FormData): IncidentUpdateInput {
  return {
    status: text(form, "status") as IncidentUpdateInput["status"],
    body: text(form, "body").trim(),
    components: readComponentStatuses(form),
  };
}

/** What the form showed, so a refused submission keeps it (checkbox lists one a line). */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION") || key === "password") continue;
    values[key] = key in values ? `${values[key]}\n${value}` : value;
  }
  return values;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A datetime-local value read as a wall-clock time in `timeZone` (the page's), as the instant it
 * names. A time skipped by a DST change lands after the gap.
 */
export function parseLocalTime(value: string, timeZone: string, field: string): Date {
  const m = LOCAL.exec(value.trim());
  if (!m) throw new AppError("bad_request", value.trim() ? "enter a date and time" : "required", { field });
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  // Date.UTC rolls 30 February over to March and 24:00 to the next day; such a time is not one.
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || check.getUTCHours() !== h || check.getUTCMinutes() !== mi) {
    throw new AppError("bad_request", "enter a date and time", { field });
  }
  return new Date(getTimeZoneOrUtc(timeZone).toUtc(wall, 0));
}

/** An instant as a datetime-local value in `timeZone`. */
export function toLocalTimeValue(date: Date, timeZone: string): string {
  const zone = getTimeZoneOrUtc(timeZone);
  const wall = new Date(date.getTime() + zone.offsetAt(date.getTime()));
  return wall.toISOString().slice(0, 16);
}

export function readMaintenanceInput(form: FormData, timeZone: string): MaintenanceInput {
  const from = parseLocalTime(text(form, "scheduled_for"), timeZone, "scheduled_for");
  const until = parseLocalTime(text(form, "scheduled_until"), timeZone, "scheduled_until");
  // The verb refuses this too, in the API's words (scheduled_until, scheduled_for); the form says it in its own.
  if (until.getTime() <= from.getTime()) throw new AppError("bad_request", "the end must be after the start", { field: "scheduled_until" });
  return {
    name: text(form, "name").trim(),
    body: text(form, "body").trim(),
    scheduled_for: from,
    scheduled_until: until,
    components: texts(form, "component").filter(Boolean),
  };
}
