// A page's component list written as a whole: the checks are looked up in the page's project
// (another project's check or an unknown one is a 400), components whose check stays keep
// their code, so the ids Statuspage clients have stored stay valid across edits.
import type { Tx } from "../db";
import { AppError } from "../errors";
import { newStatusCode } from "./events";
import type { ParsedComponent } from "./page-spec";

/**
 * Replaces the page's components by `wanted`, in that order. Throws AppError("bad_request")
 * naming the check that is unknown or belongs to another project.
 */
export async function saveComponents(
  tx: Tx,
  page: { id: number; projectId: number },
  wanted: ParsedComponent[],
  now: Date,
): Promise<void> {
  const checks = await tx.check.findMany({
    where: { code: { in: wanted.map((c) => c.check) } },
    select: { id: true, code: true, name: true, projectId: true },
  });
  const byCode = new Map(checks.map((c) => [c.code, c]));
  for (const c of wanted) {
    const check = byCode.get(c.check);
    if (!check) throw new AppError("bad_request", `check ${c.check} not found`, { field: "components" });
    if (check.projectId !== page.projectId) throw new AppError("bad_request", `check ${c.check} is not in this project`, { field: "components" });
  }
  const existing = await tx.statusComponent.findMany({ where: { pageId: page.id } });
  const keep = new Set(wanted.map((c) => byCode.get(c.check)!.id));
  const gone = existing.filter((c) => !keep.has(c.checkId)).map((c) => c.id);
  if (gone.length) await tx.statusComponent.deleteMany({ where: { id: { in: gone } } });
  const byCheckId = new Map(existing.map((c) => [c.checkId, c]));
  for (const [position, c] of wanted.entries()) {
    const check = byCode.get(c.check)!;
    // A check without a name shows as "Unnamed": a page never shows a check's UUID.
    const data = { name: c.name ?? (check.name || "Unnamed"), description: c.description, groupName: c.group, position };
    const old = byCheckId.get(check.id);
    if (!old) {
      await tx.statusComponent.create({ data: { code: newStatusCode(), pageId: page.id, checkId: check.id, createdAt: now, updatedAt: now, ...data } });
    } else if (old.name !== data.name || old.description !== data.description || old.groupName !== data.groupName || old.position !== position) {
      await tx.statusComponent.update({ where: { id: old.id }, data: { ...data, updatedAt: now } });
    }
  }
}
