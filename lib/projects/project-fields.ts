// What a project's editable fields accept: its name and how many pings each check keeps.
import { z } from "zod";
import { getEnv } from "../env";
import { AppError } from "../errors";

/** A project name as Healthchecks' ProjectNameForm takes it: required, at most 200 characters. */
export const projectNameSchema = z
  .string({ error: "Enter a project name." })
  .trim()
  .min(1, "Enter a project name.")
  .max(200, "The name can be at most 200 characters.");

// Every kept ping can carry a body of up to PING_BODY_LIMIT bytes, so the limit bounds the
// storage one busy check can take; 10,000 pings is about a week of once-a-minute pings.
const DEFAULT_MAX_PING_LOG_LIMIT = 10_000;

/**
 * The largest ping_log_limit a project may choose: 10,000, or PING_LOG_LIMIT when the operator
 * set a larger default (a project must always be able to go back to the default).
 */
export function getMaxPingLogLimit(): number {
  return Math.max(DEFAULT_MAX_PING_LOG_LIMIT, getEnv().pingLogLimit);
}

/**
 * A ping log limit from a form or a caller: a whole number from 1 to getMaxPingLogLimit().
 * Throws AppError("bad_request") naming the field otherwise.
 */
export function parsePingLogLimit(value: unknown): number {
  const max = getMaxPingLogLimit();
  const text = typeof value === "number" || typeof value === "string" ? String(value).trim() : "";
  const limit = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(limit >= 1 && limit <= max)) {
    throw new AppError("bad_request", `Keep between 1 and ${max.toLocaleString("en-US")} pings per check.`, { field: "pingLogLimit" });
  }
  return limit;
}
