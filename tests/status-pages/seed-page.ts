// Writes the sample page (sample-page.ts) into the database: the same codes, times and
// statuses, so a snapshot loaded from either database gives the same documents as the fixtures.
import { randomUUID } from "node:crypto";
import { getDb } from "../../lib/db";
import { createCheck } from "../fixtures";
import { sampleSnapshotInput, type SampleOptions } from "./sample-page";

export async function seedSamplePage(
  projectId: number,
  opts: SampleOptions & { slug?: string; code?: string; customDomain?: string | null; access?: string; passwordHash?: string } = {},
) {
  const db = getDb();
  const input = sampleSnapshotInput(opts);
  const prefix = opts.slug && opts.slug !== "acme" ? `${opts.slug}-` : "";
  const page = await db.statusPage.create({
    data: {
      code: opts.code ?? input.page.code,
      projectId,
      slug: opts.slug ?? input.page.slug,
      title: input.page.title,
      description: input.page.description,
      logoUrl: input.page.logoUrl,
      theme: input.page.theme,
      timeZone: input.page.timeZone,
      customDomain: opts.customDomain ?? null,
      access: opts.access ?? "public",
      passwordHash: opts.passwordHash ?? "",
      updatedAt: input.page.updatedAt,
      createdAt: input.page.updatedAt,
    },
  });
  const componentIds = new Map<string, number>();
  const checks: { code: string; slug: string; tags: string }[] = [];
  for (const c of input.components) {
    const check = await createCheck(projectId, {
      name: `check ${c.code}`,
      slug: `secret-slug-${c.code}`,
      tags: "private-tag",
      status: c.checkStatus === "down" ? "down" : c.checkStatus === "degraded" ? "degraded" : "up",
      kind: "simple",
      timeout: 86_400 * 365,
      lastPing: new Date(),
    });
    checks.push({ code: check.code, slug: check.slug, tags: check.tags });
    const row = await db.statusComponent.create({
      data: {
        code: prefix + c.code,
        pageId: page.id,
        checkId: check.id,
        name: c.name,
        description: c.description,
        groupName: c.groupName,
        position: c.position,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
      },
    });
    componentIds.set(c.code, row.id);
  }
  for (const i of input.incidents) {
    const incident = await db.statusIncident.create({
      data: {
        code: prefix + i.code,
        pageId: page.id,
        kind: i.kind,
        name: i.name,
        impact: i.impact,
        scheduledFor: i.scheduledFor,
        scheduledUntil: i.scheduledUntil,
        startedAt: i.startedAt,
        monitoringAt: i.monitoringAt,
        resolvedAt: i.resolvedAt,
        createdAt: i.createdAt,
        updatedAt: i.updatedAt,
      },
    });
    for (const u of i.updates) {
      await db.statusIncidentUpdate.create({
        data: { code: prefix + u.code, incidentId: incident.id, status: u.status, body: u.body, affected: u.affected, createdAt: u.createdAt, displayAt: u.displayAt },
      });
    }
    for (const link of i.components) {
      const componentId = componentIds.get(link.component.code);
      if (componentId) await db.statusIncidentComponent.create({ data: { incidentId: incident.id, componentId, status: link.status } });
    }
  }
  return { page, checks, componentIds };
}

export function uniqueCode(): string {
  return randomUUID().replace(/-/g, "").slice(0, 12);
}
