import { toPythonJson } from "../api/python-json";
import type { BadgeStatus } from "./types";

const SHIELDS_COLORS: Record<BadgeStatus, string> = { up: "success", late: "important", down: "critical" };

/** The body shields.io's endpoint badge reads (schema version 1), in Django's JSON spacing. */
export function renderShieldsJson(label: string, status: BadgeStatus): string {
  return toPythonJson({ schemaVersion: 1, label, message: status, color: SHIELDS_COLORS[status] });
}
