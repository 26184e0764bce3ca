import { toPythonJson } from "../api/python-json";
import type { BadgeSummary } from "./types";

/** The JSON badge, spaced as Django's JsonResponse writes it: {"status": "up", "total": 3, ...}. */
export function renderBadgeJson(summary: BadgeSummary): string {
  return toPythonJson({ status: summary.status, total: summary.total, grace: summary.grace, down: summary.down });
}
