// The rules a status page's settings follow, checked the same way for the web app and the
// management API. Pure: it reads no database (which checks exist and whose they are is the
// verbs' part) and takes the instance's own host as an argument. Input is `unknown`-typed
// where it comes from JSON, so a wrong type is a 400 naming the field, never a 500.
import { AppError } from "../errors";
import { PAGE_ACCESS, PAGE_THEMES, type PageAccess, type PageTheme } from "./types";

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Slugs the front server or the page's own paths need, so a page can never shadow them. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "api", "admin", "assets", "static", "status", "www", "new", "edit", "settings", "login", "logout",
  "signup", "feed", "history", "subscribe", "unsubscribe", "confirm", "badge", "favicon-ico",
]);
export const MAX_TITLE = 100;
export const MAX_DESCRIPTION = 2000;
export const MAX_URL = 500;
export const MAX_COMPONENTS = 100;
export const MAX_COMPONENT_NAME = 100;
export const MAX_COMPONENT_DESCRIPTION = 500;
export const MAX_GROUP = 100;
export const MIN_PAGE_PASSWORD = 8;
export const MAX_PAGE_PASSWORD = 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export interface ParsedComponent {
  check: string;
  /** null: the check's name. */
  name: string | null;
  description: string;
  group: string;
}

/** The settings given, checked and normalised; a field left out of the input is left out here. */
export interface ParsedPageSpec {
  slug?: string;
  title?: string;
  description?: string;
  logoUrl?: string;
  theme?: PageTheme;
  timeZone?: string;
  /** null removes it. */
  customDomain?: string | null;
  access?: PageAccess;
  password?: string;
  autoIncidents?: boolean;
  components?: ParsedComponent[];
}

function bad(field: string, message: string): AppError {
  return new AppError("bad_request", message, { field });
}

function text(input: Record<string, unknown>, field: string, max: number, { required = false } = {}): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) {
    if (required) throw bad(field, `${field} is required`);
    return undefined;
  }
  if (typeof value !== "string") throw bad(field, `${field} is not a string`);
  const trimmed = value.trim();
  if (required && trimmed === "") throw bad(field, `${field} is required`);
  if (trimmed.length > max) throw bad(field, `${field} is too long (at most ${max} characters)`);
  return trimmed;
}

function oneOf<T extends string>(input: Record<string, unknown>, field: string, allowed: readonly T[]): T | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw bad(field, `${field} must be one of: ${allowed.join(", ")}`);
  }
  return value as T;
}

/** Throws unless `slug` is a well-formed slug that is not reserved. */
export function parseSlug(value: unknown): string {
  if (typeof value !== "string" || value === "") throw bad("slug", "slug is required");
  if (!SLUG_PATTERN.test(value)) {
    throw bad("slug", "slug may contain only lowercase letters, digits and hyphens, must start and end with a letter or digit, and be at most 63 characters");
  }
  if (RESERVED_SLUGS.has(value)) throw bad("slug", `slug "${value}" is reserved; please choose another`);
  return value;
}

/** The zone's canonical IANA name ("europe/riga" → "Europe/Riga"), or throws. */
export function parseTimeZone(value: unknown): string {
  if (typeof value !== "string" || value === "") throw bad("time_zone", "time_zone is not a valid IANA time zone");
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    throw bad("time_zone", `time_zone "${value}" is not a valid IANA time zone`);
  }
}

/** A lower-cased host name without port or path, not the instance's own; null for ""/null. */
export function parseCustomDomain(value: unknown, siteHost: string): string | null {
  if (value === null || value === "") return null;
  if (typeof value !== "string") throw bad("custom_domain", "custom_domain is not a string");
  const host = value.trim().toLowerCase().replace(/\.$/, "");
  const labels = host.split(".");
  const valid = host.length <= 253 && labels.length >= 2 && labels.every((l) => HOST_LABEL.test(l)) && !/^\d+$/.test(labels.at(-1)!);
  if (!valid) throw bad("custom_domain", "custom_domain must be a host name such as status.example.org, without scheme, port or path");
  if (host === siteHost.toLowerCase()) throw bad("custom_domain", "custom_domain cannot be this site's own host name");
  return host;
}

function parseLogoUrl(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw bad("logo_url", "logo_url is not a string");
  const url = value.trim();
  if (url === "") return "";
  if (url.length > MAX_URL) throw bad("logo_url", `logo_url is too long (at most ${MAX_URL} characters)`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw bad("logo_url", "logo_url must be an http or https URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw bad("logo_url", "logo_url must be an http or https URL");
  return url;
}

function parseComponents(value: unknown): ParsedComponent[] {
  if (!Array.isArray(value)) throw bad("components", "components is not an array");
  if (value.length > MAX_COMPONENTS) throw bad("components", `a page has at most ${MAX_COMPONENTS} components`);
  const seen = new Set<string>();
  return value.map((item: unknown, i) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) throw bad("components", `components[${i}] is not an object`);
    const c = item as Record<string, unknown>;
    if (typeof c.check !== "string" || !UUID.test(c.check)) throw bad("components", `components[${i}].check is not a check UUID`);
    if (seen.has(c.check)) throw bad("components", `check ${c.check} is listed twice`);
    seen.add(c.check);
    const where = (f: string) => `components[${i}].${f}`;
    const field = (f: string, max: number): string => {
      const v = c[f];
      if (v === undefined || v === null) return "";
      if (typeof v !== "string") throw bad("components", `${where(f)} is not a string`);
      if (v.trim().length > max) throw bad("components", `${where(f)} is too long (at most ${max} characters)`);
      return v.trim();
    };
    const name = field("name", MAX_COMPONENT_NAME);
    return { check: c.check, name: name === "" ? null : name, description: field("description", MAX_COMPONENT_DESCRIPTION), group: field("group", MAX_GROUP) };
  });
}

/**
 * Checks a page's settings. `partial` (updates): fields left out stay as they are; otherwise
 * slug and title are required. Throws AppError("bad_request", message, { field }) with a
 * message saying what is allowed. The password is checked for length here; whether one is
 * needed depends on what is stored, which the verbs know.
 */
export function parsePageSpec(raw: unknown, { partial = false, siteHost }: { partial?: boolean; siteHost: string }): ParsedPageSpec {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw bad("", "the page is not an object");
  const input = raw as Record<string, unknown>;
  const out: ParsedPageSpec = {};
  if (!partial || input.slug !== undefined) out.slug = parseSlug(input.slug);
  const title = text(input, "title", MAX_TITLE, { required: !partial || input.title !== undefined });
  if (title !== undefined) out.title = title;
  const description = text(input, "description", MAX_DESCRIPTION);
  if (description !== undefined) out.description = description;
  const logoUrl = parseLogoUrl(input.logo_url);
  if (logoUrl !== undefined) out.logoUrl = logoUrl;
  const theme = oneOf(input, "theme", PAGE_THEMES);
  if (theme) out.theme = theme;
  const access = oneOf(input, "access", PAGE_ACCESS);
  if (access) out.access = access;
  if (input.time_zone !== undefined && input.time_zone !== null) out.timeZone = parseTimeZone(input.time_zone);
  if (input.custom_domain !== undefined) out.customDomain = parseCustomDomain(input.custom_domain, siteHost);
  if (input.password !== undefined && input.password !== null && input.password !== "") {
    if (typeof input.password !== "string") throw bad("password", "password is not a string");
    if (input.password.length < MIN_PAGE_PASSWORD) throw bad("password", `password must be at least ${MIN_PAGE_PASSWORD} characters`);
    if (input.password.length > MAX_PAGE_PASSWORD) throw bad("password", `password is too long (at most ${MAX_PAGE_PASSWORD} characters)`);
    out.password = input.password;
  }
  if (input.auto_incidents !== undefined && input.auto_incidents !== null) {
    if (typeof input.auto_incidents !== "boolean") throw bad("auto_incidents", "auto_incidents is not a boolean");
    out.autoIncidents = input.auto_incidents;
  }
  if (input.components !== undefined && input.components !== null) out.components = parseComponents(input.components);
  else if (!partial) out.components = [];
  return out;
}
