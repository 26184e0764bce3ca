// The check pages' server actions take their arguments from the browser, bound ones included,
// as JSON: a forged or garbled call can send any JSON value where a check's UUID belongs. Each
// action must answer such a call with a form error before it signs anyone in or queries.
import { describe, expect, test } from "vitest";
import * as details from "@/app/(dashboard)/checks/[code]/details/actions";
import { addCheck } from "@/app/(dashboard)/projects/[code]/checks/actions";

const MALFORMED = { ok: false, error: "This request was malformed: reload the page and try again" };
const UUID = "0b2f8a4c-64c5-4c8e-9e5b-3c1c1d3b7a11";

/** Argument lists of the wrong types, as the reliability probe sent them. */
const BAD_ARGS: unknown[][] = [[], [null], [123], [{}], [["x"]], [true]];

type AnyAction = (...args: unknown[]) => Promise<unknown>;

const ACTIONS: Record<string, AnyAction> = {
  pauseCheck: details.pauseCheck as AnyAction,
  resumeCheck: details.resumeCheck as AnyAction,
  pingNow: details.pingNow as AnyAction,
  clearEvents: details.clearEvents as AnyAction,
  setChannel: details.setChannel as AnyAction,
  updateCheckFields: details.updateCheckFields as AnyAction,
  moveCheck: details.moveCheck as AnyAction,
  deleteCheck: details.deleteCheck as AnyAction,
  addCheck: addCheck as AnyAction,
};

describe.each(Object.entries(ACTIONS))("%s", (_name, action) => {
  test.each(BAD_ARGS.map((args) => [JSON.stringify(args), args] as const))("answers %s with a form error", async (_label, args) => {
    await expect(action(...args)).resolves.toMatchObject(MALFORMED);
  });
});

describe("arguments after the check's UUID are checked too", () => {
  test.each([
    ["setChannel without a channel", () => details.setChannel(UUID, null, true)],
    ["setChannel with a string for on/off", () => details.setChannel(UUID, UUID, "yes")],
    ["updateCheckFields without form data", () => details.updateCheckFields(UUID, {}, { name: "x" })],
    ["moveCheck without form data", () => details.moveCheck(UUID, {}, null)],
    ["deleteCheck without a project", () => details.deleteCheck(UUID, 42)],
  ])("%s is a form error", async (_label, call) => {
    await expect(call()).resolves.toMatchObject(MALFORMED);
  });
});
