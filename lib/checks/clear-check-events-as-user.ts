import { userActor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import type { Check } from "../db";
import { clearCheckEvents } from "./clear-check-events";

/** Clears a check's events (see clearCheckEvents) for a user who may write to its project. */
export async function clearCheckEventsAsUser(userId: number, checkCode: string): Promise<Check> {
  const { check } = await requireCheckAccess(userActor(userId), checkCode, "write");
  return clearCheckEvents(check.id);
}
