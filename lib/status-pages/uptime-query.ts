// PLACEHOLDER (replaced by the uptime work): each component's 90-day uptime bar.
import type { Db, Tx } from "../db";
import type { UptimeBar } from "./types";

export interface UptimeSubject {
  checkId: number;
  /** The component's page; its incidents and maintenances mark the days. */
  pageId: number;
}

export async function loadUptimeBars(
  _db: Db | Tx,
  _subjects: UptimeSubject[],
  _opts: { days: number; timeZone: string; now: Date },
): Promise<Map<number, UptimeBar>> {
  return new Map();
}
