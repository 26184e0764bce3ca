import { getDb, type Check } from "../db";
import type { CheckSpec } from "./check-spec";

/**
 * The check a create request with `unique` should update instead (Healthchecks' _lookup):
 * the project's oldest check whose listed fields all equal the request's. Returns null when
 * `unique` is absent or empty, when a listed field is missing from the request, or when no
 * check matches.
 */
export async function findUpsertTarget(projectId: number, spec: CheckSpec): Promise<Check | null> {
  if (!spec.unique || spec.unique.length === 0) return null;
  const where: Record<string, string | number> = {};
  for (const field of spec.unique) {
    const value = spec[field];
    if (value === undefined) return null;
    where[field] = value;
  }
  return getDb().check.findFirst({ where: { projectId, ...where }, orderBy: { id: "asc" } });
}
