import { AppError } from "../errors";
import { parseProbeConfig } from "../probes/config";
import type { ProbeConfig } from "../probes/types";
import { isValidSchedule } from "../schedules/schedule";
import { normalizeTimezone } from "../schedules/normalize-timezone";

export type UniqueField = "name" | "slug" | "tags" | "timeout" | "grace";

/** A validated create/update request body: only the keys the client sent are present. */
export interface CheckSpec {
  channels?: string;
  desc?: string;
  failureKw?: string;
  /** Beyond Healthchecks: fail pings in a row before the check goes down, 1..MAX_FAILURE_THRESHOLD. */
  failureThreshold?: number;
  filterBody?: boolean;
  filterDefaultFail?: boolean;
  filterHttpBody?: boolean;
  filterSubject?: boolean;
  /** Seconds. */
  grace?: number;
  manualResume?: boolean;
  methods?: "" | "POST";
  name?: string;
  /** Beyond Healthchecks: what an active check runs (defaults filled in); null makes the check passive. */
  probe?: ProbeConfig | null;
  /** Beyond Healthchecks: seconds between "still down" reminders; 0 = off. */
  reminderInterval?: number;
  schedule?: string;
  slug?: string;
  startKw?: string;
  subject?: string;
  subjectFail?: string;
  successKw?: string;
  tags?: string;
  /** Seconds. */
  timeout?: number;
  /** Canonical IANA name (legacy aliases already rewritten). */
  tz?: string;
  unique?: UniqueField[];
}

/** Either the accepted value or Healthchecks' message template, "%s" standing for the field. */
type Result = { value: unknown } | { error: string };
type Validator = (v: unknown) => Result;

const MIN_SECONDS = 60;
/** Healthchecks' model limit for tags (its API does not check it; saving more fails there). */
export const MAX_TAGS_LENGTH = 500;
/** Healthchecks sets no limit on desc; one keeps a single API call from bloating every listing. */
export const MAX_DESC_LENGTH = 10_000;
const MAX_SECONDS = 31_536_000;
const UNIQUE_FIELDS: readonly unknown[] = ["name", "slug", "tags", "timeout", "grace"];

function str(maxLength?: number, pattern?: RegExp, after?: (s: string) => Result): Validator {
  return (v) => {
    if (typeof v !== "string") return { error: "%s is not a string" };
    // Python counts code points, not UTF-16 units.
    if (maxLength !== undefined && [...v].length > maxLength) return { error: "%s is too long" };
    if (pattern && !pattern.test(v)) return { error: "%s does not match pattern" };
    return after ? after(v) : { value: v };
  };
}

const bool: Validator = (v) => (typeof v === "boolean" ? { value: v } : { error: "%s is not a boolean" });

const seconds: Validator = (v) => {
  // Healthchecks turns any Python int into a timedelta before validating, and Python's bool is
  // an int, so true/false arrive as 1 s/0 s and fail the range check rather than the type check.
  const n = typeof v === "boolean" ? Number(v) : v;
  if (typeof n !== "number" || !Number.isInteger(n)) return { error: "%s is not a number" };
  if (n < MIN_SECONDS) return { error: "%s is too small" };
  if (n > MAX_SECONDS) return { error: "%s is too large" };
  return { value: n };
};

export const MAX_FAILURE_THRESHOLD = 100;

/** Beyond Healthchecks' keys: strict JSON integers, no bool-as-int leniency. */
const failureThreshold: Validator = (v) => {
  if (typeof v !== "number" || !Number.isInteger(v)) return { error: "%s is not a number" };
  if (v < 1) return { error: "%s is too small" };
  if (v > MAX_FAILURE_THRESHOLD) return { error: "%s is too large" };
  return { value: v };
};

/** 0 (off) or 60 s..365 days, like the other durations. */
const reminderInterval: Validator = (v) => {
  if (typeof v !== "number" || !Number.isInteger(v)) return { error: "%s is not a number" };
  if (v !== 0 && v < MIN_SECONDS) return { error: "%s is too small" };
  if (v > MAX_SECONDS) return { error: "%s is too large" };
  return { value: v };
};

/** null (passive again) or a probe, whose own messages ("probe.url ...") parseProbeConfig throws. */
const probe: Validator = (v) => (v === null ? { value: null } : { value: parseProbeConfig(v) });

const methods: Validator = (v) => (v === "" || v === "POST" ? { value: v } : { error: "%s has unexpected value" });

const schedule = str(100, undefined, (s) =>
  isValidSchedule(s) ? { value: s } : { error: "%s is not a valid cron or OnCalendar expression" },
);

const tz = str(undefined, undefined, (s) => {
  const canonical = normalizeTimezone(s);
  return canonical ? { value: canonical } : { error: "%s is not a valid timezone" };
});

const unique: Validator = (v) => {
  if (!Array.isArray(v)) return { error: "%s is not an array" };
  for (const item of v) {
    if (!UNIQUE_FIELDS.includes(item)) return { error: "an item in '%s' has unexpected value" };
  }
  return { value: v };
};

// Pydantic reports errors in field declaration order, and Healthchecks' Spec declares its
// fields alphabetically; only the first error is shown, so this order is part of the API.
const FIELDS: [jsonKey: string, specKey: keyof CheckSpec, validate: Validator][] = [
  ["channels", "channels", str()],
  ["desc", "desc", str(MAX_DESC_LENGTH)],
  ["failure_kw", "failureKw", str(200)],
  ["failure_threshold", "failureThreshold", failureThreshold],
  ["filter_body", "filterBody", bool],
  ["filter_default_fail", "filterDefaultFail", bool],
  ["filter_http_body", "filterHttpBody", bool],
  ["filter_subject", "filterSubject", bool],
  ["grace", "grace", seconds],
  ["manual_resume", "manualResume", bool],
  ["methods", "methods", methods],
  ["name", "name", str(100)],
  ["probe", "probe", probe],
  ["reminder_interval", "reminderInterval", reminderInterval],
  ["schedule", "schedule", schedule],
  ["slug", "slug", str(100, /^[a-z0-9\-_]*$/)],
  ["start_kw", "startKw", str(200)],
  ["subject", "subject", str(200)],
  ["subject_fail", "subjectFail", str(200)],
  ["success_kw", "successKw", str(200)],
  ["tags", "tags", str(MAX_TAGS_LENGTH)],
  ["timeout", "timeout", seconds],
  ["tz", "tz", tz],
  ["unique", "unique", unique],
];

/**
 * Validates a check create/update body like Healthchecks' strict pydantic Spec: no coercion,
 * null is a type error, unknown keys (api_key among them) are ignored. Throws
 * AppError("bad_request", "json validation error: <field> <problem>") for the first bad field,
 * with `field` set to its JSON key and `userMessage` to "<field> <problem>" for forms.
 */
export function parseCheckSpec(body: Record<string, unknown>): CheckSpec {
  const spec: Record<string, unknown> = {};
  for (const [jsonKey, specKey, validate] of FIELDS) {
    if (!Object.hasOwn(body, jsonKey)) continue;
    const result = validate(body[jsonKey]);
    if ("error" in result) {
      const problem = result.error.replace("%s", jsonKey);
      throw new AppError("bad_request", `json validation error: ${problem}`, { field: jsonKey, userMessage: problem });
    }
    spec[specKey] = result.value;
  }
  return spec as CheckSpec;
}
