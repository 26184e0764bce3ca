// What every status-page write leaves behind besides its own rows: the page's updated_at mark
// (the render cache compares it, so a change shows without waiting for a timer) and, for what
// subscribers hear about, a status_events row the subscriber worker fans out. Both are written
// in the writer's transaction, so a page never shows a change its subscribers will not hear of.
import { randomInt } from "node:crypto";
import type { Tx } from "../db";
import type { StatusEventKind } from "./types";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
export const CODE_LENGTH = 12;
export const CODE_PATTERN = /^[0-9a-z]{12}$/;

/**
 * A public id for a page, component, incident, update or subscriber: 12 lowercase base36
 * characters, like Statuspage's ids, from crypto randomness (about 62 bits: no retry needed).
 */
export function newStatusCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Marks the page changed now: the render cache and ETags of its HTML and JSON follow this. */
export async function touchStatusPage(tx: Tx, pageId: number, now: Date = new Date()): Promise<void> {
  // Never move the mark backwards: a caller passing an older `now` must still invalidate.
  const page = await tx.statusPage.findUnique({ where: { id: pageId }, select: { updatedAt: true } });
  if (!page) return;
  const at = page.updatedAt.getTime() >= now.getTime() ? new Date(page.updatedAt.getTime() + 1) : now;
  await tx.statusPage.update({ where: { id: pageId }, data: { updatedAt: at } });
}

export interface StatusEventInput {
  pageId: number;
  incidentId: number;
  kind: StatusEventKind;
  /** Unique per event, e.g. "incident_updated:<update code>": the same event is never recorded twice. */
  key: string;
  /** The update the event announces, if any. */
  updateCode?: string | null;
  createdAt?: Date;
}

/**
 * Records an event for the subscriber worker. Returns false when an event with this key
 * exists already (nothing is written), true when it was recorded.
 */
export async function recordStatusEvent(tx: Tx, input: StatusEventInput): Promise<boolean> {
  // Look first: a unique violation inside a PostgreSQL transaction would abort the caller's
  // whole transaction. The key's unique index stays the guard for two writers racing (the
  // loser's transaction fails and is retried or reported by its caller).
  const existing = await tx.statusEvent.findUnique({ where: { key: input.key }, select: { id: true } });
  if (existing) return false;
  await tx.statusEvent.create({
    data: {
      pageId: input.pageId,
      incidentId: input.incidentId,
      kind: input.kind,
      key: input.key,
      updateCode: input.updateCode ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    },
  });
  return true;
}

/**
 * The event an update announces: the first update of an incident its creation, "resolved" its
 * resolution, any other its update; a maintenance's first update its scheduling, "in_progress"
 * its start and "completed" its end. Other maintenance updates ("verifying") announce nothing.
 */
export function eventForUpdate(kind: "incident" | "maintenance", status: string, isFirst: boolean): StatusEventKind | null {
  if (kind === "maintenance") {
    if (isFirst) return "maintenance_scheduled";
    if (status === "in_progress") return "maintenance_started";
    return status === "completed" ? "maintenance_completed" : null;
  }
  if (isFirst) return "incident_created";
  return status === "resolved" ? "incident_resolved" : "incident_updated";
}

/**
 * The key of an event. A maintenance starts and ends once, whether by hand or when its window
 * opens and closes (the subscriber worker), so those keys name the maintenance and whichever
 * writer comes second records nothing; every other event is keyed by its update.
 */
export function getStatusEventKey(kind: StatusEventKind, incidentCode: string, updateCode: string): string {
  return kind === "maintenance_started" || kind === "maintenance_completed" ? `${kind}:${incidentCode}` : `${kind}:${updateCode}`;
}
