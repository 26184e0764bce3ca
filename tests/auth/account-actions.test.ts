// The account page's server actions as anyone holding an action id can call them: wrong
// argument types get a form message, never a query. Only the session lookup is replaced (it
// needs Next's request scope); the database is real.
import { beforeEach, expect, test, vi } from "vitest";
import { getDb } from "../../lib/db";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { snapshotDb } from "../projects/helpers";

const signedIn = vi.hoisted(() => ({ userId: 0 }));
vi.mock("@/lib/auth/session", () => ({
  requireActor: async () => ({ type: "user", userId: signedIn.userId }),
  requireUser: async () => ({ id: signedIn.userId, email: "alice@example.org" }),
  reissueSession: async () => {},
  endSession: async () => {},
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.1" }) }));

type Action = (...args: unknown[]) => Promise<{ ok?: boolean; error?: string | null }>;
const WRONG_ARGUMENTS: unknown[][] = [[], [null], [123], [{}], [[]], [null, null], [{}, { email: "x" }]];
const FORM_ACTIONS = [
  "saveSettingsAction",
  "setPasswordAction",
  "requestEmailChangeAction",
  "enableTotpAction",
  "disableTotpAction",
  "closeAccountAction",
] as const;

forEachDatabase(() => {
  beforeEach(async () => {
    await resetDatabase();
    signedIn.userId = (await getDb().user.create({ data: { email: "alice@example.org" } })).id;
  });

  test("every account form action answers wrong argument types with a form error and changes nothing", async () => {
    const actions = (await import("../../app/(dashboard)/accounts/profile/actions")) as unknown as Record<string, Action>;
    const before = await snapshotDb();
    for (const name of FORM_ACTIONS) {
      for (const args of WRONG_ARGUMENTS) {
        const state = await actions[name](...args);
        expect(state, `${name}(${JSON.stringify(args)})`).toMatchObject({ ok: false, error: expect.any(String) });
      }
    }
    expect(await snapshotDb()).toEqual(before);
  });

  test("the sign-in and sign-up link actions answer wrong argument types with a form error", async () => {
    const { requestLinkAction } = (await import("../../app/(auth)/accounts/login/actions")) as unknown as Record<string, Action>;
    const { signUpAction } = (await import("../../app/(auth)/accounts/signup/actions")) as unknown as Record<string, Action>;
    const { confirmEmailChangeAction } = (await import("../../app/(auth)/accounts/change-email/[token]/actions")) as unknown as Record<
      string,
      Action
    >;
    const before = await snapshotDb();
    for (const args of WRONG_ARGUMENTS) {
      for (const action of [requestLinkAction, signUpAction, confirmEmailChangeAction]) {
        expect(await action(...args), JSON.stringify(args)).toMatchObject({ ok: false, error: expect.any(String) });
      }
    }
    expect(await snapshotDb()).toEqual(before);
  });

  test("the settings action saves for the signed-in user", async () => {
    const { saveSettingsAction } = await import("../../app/(dashboard)/accounts/profile/actions");
    const data = new FormData();
    for (const [k, v] of Object.entries({ tz: "Europe/Riga", theme: "dark", reports: "off", nagPeriod: "3600" })) data.set(k, v);
    expect(await saveSettingsAction({}, data)).toMatchObject({ ok: true, theme: "dark" });
    expect(await getDb().user.findUniqueOrThrow({ where: { id: signedIn.userId } })).toMatchObject({ tz: "Europe/Riga", nagPeriod: 3600 });
  });
});
