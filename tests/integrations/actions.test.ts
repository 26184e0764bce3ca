// The integrations pages' server actions. Their arguments come back from the browser, so a
// hand-made request can send anything ([], [null], [123], [{}]): each gets a form error, never
// a crash. And a save checks access before anything reaches the network: the Matrix bot joins
// no room for someone who may not add integrations.
import { beforeEach, describe, expect, test, vi } from "vitest";
import { userActor, type Actor } from "../../lib/auth/actor";
import { getDb } from "../../lib/db";
import { setEnv } from "../../lib/env";
import type { FormState } from "../../lib/errors";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { useHttpSink } from "../helpers/alerts";
import { createIntegrationFixtures } from "./helpers";

// The signed-in user and Next's request helpers, which need a running Next server.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  requireActor: async () => {
    if (!session.actor) throw new Error("not signed in");
    return session.actor;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  },
}));

const actions = await import("@/app/(dashboard)/projects/[code]/integrations/actions");
const { connectTelegramChat } = await import("@/app/integrations/add/telegram/actions");
const { confirmEmailAction } = await import("@/app/integrations/[code]/verify/[token]/actions");

type AnyAction = (...args: unknown[]) => Promise<unknown>;

describe("arguments of the wrong type", () => {
  const cases: [string, AnyAction][] = [
    ["saveChannelAction", actions.saveChannelAction as AnyAction],
    ["sendTestAction", actions.sendTestAction as AnyAction],
    ["resendVerificationAction", actions.resendVerificationAction as AnyAction],
    ["deleteChannelAction", actions.deleteChannelAction as AnyAction],
    ["assignChecksAction", actions.assignChecksAction as AnyAction],
    ["connectTelegramChat", connectTelegramChat as AnyAction],
  ];
  const bodies: unknown[][] = [[], [null], [123], [{}], [[], [], [], [], []], [{}, "x", null, {}, "not form data"]];

  test.each(cases)("%s answers a form error", async (_name, action) => {
    session.actor = userActor(1);
    for (const args of bodies) {
      const state = (await action(...args)) as FormState;
      expect(state).toMatchObject({ ok: false, error: expect.stringContaining("could not be read") });
    }
  });

  test("the email confirmation button sends a bad link home", async () => {
    for (const args of bodies) {
      await expect(confirmEmailAction(...(args as [unknown, unknown]))).rejects.toMatchObject({ url: "/" });
    }
  });
});

forEachDatabase(
  () => {
    const homeserver = useHttpSink();
    let f: Awaited<ReturnType<typeof createIntegrationFixtures>>;
    beforeEach(async () => {
      await resetDatabase();
      f = await createIntegrationFixtures();
      setEnv({ MATRIX_HOMESERVER: `${homeserver.url}/hs`, MATRIX_USER_ID: "@vigil:example.org", MATRIX_ACCESS_TOKEN: "syt_secret" });
      homeserver.respond = (_req, res) => res.end(JSON.stringify({ room_id: "!joined:example.org" }));
    });

    function saveMatrix(room: string): Promise<FormState> {
      const form = new FormData();
      form.set("value", room);
      form.set("name", "");
      return actions.saveChannelAction("matrix", f.project.code, null, {}, form);
    }

    test("the Matrix bot joins no room for a read-only member or an outsider", async () => {
      session.actor = userActor(f.dave.id);
      expect(await saveMatrix("#ops:example.org")).toMatchObject({ ok: false });
      session.actor = userActor(f.charlie.id);
      expect(await saveMatrix("#ops:example.org")).toMatchObject({ ok: false });
      expect(homeserver.requests).toHaveLength(0);
      expect(await getDb().channel.count()).toBe(0);
    });

    test("for a member it joins the room, saves the room id and returns to the list", async () => {
      session.actor = userActor(f.bob.id);
      await expect(saveMatrix("#ops:example.org")).rejects.toMatchObject({ url: expect.stringMatching(/^\/projects\/.+\/integrations\?saved=/) });
      expect(homeserver.requests).toHaveLength(1);
      const channel = await getDb().channel.findFirstOrThrow();
      expect(JSON.parse(channel.config)).toEqual({ value: "!joined:example.org" });
    });

    test("a room the bot cannot join is shown on the room field, and nothing is saved", async () => {
      session.actor = userActor(f.alice.id);
      homeserver.respond = (_req, res) => {
        res.statusCode = 403;
        res.end("{}");
      };
      const state = await saveMatrix("!private:example.org");
      expect(state).toMatchObject({ ok: false, field: "value", values: { value: "!private:example.org" } });
      expect(state.fieldErrors?.value).toContain("The bot could not join the room");
      expect(await getDb().channel.count()).toBe(0);
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
