// Who may do what with integrations: the owner and members write, read-only members and
// outsiders do not, and outsiders cannot even learn that the project or channel exists.
import { userActor } from "../../lib/auth/actor";
import { beforeAll, beforeEach, expect, test } from "vitest";
import type { User } from "../../lib/db";
import { getDb } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { deleteChannel } from "../../lib/channels/delete-channel";
import { requireChannelAccess } from "../../lib/auth/permissions";
import { sendTestNotification } from "../../lib/channels/send-test-notification";
import { setChannelChecks } from "../../lib/channels/set-channel-checks";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { useHttpSink, webhookConfig } from "../helpers/alerts";
import { addChannel, createIntegrationFixtures, editChannel } from "./helpers";

const http = useHttpSink();

type Who = "alice" | "bob" | "dave" | "charlie";
// alice owns the project, bob is a member, dave a read-only member, charlie an outsider.
const EXPECTED: Record<Who, "ok" | "forbidden" | "not_found"> = { alice: "ok", bob: "ok", dave: "forbidden", charlie: "not_found" };

forEachDatabase(
  () => {
    let f: Awaited<ReturnType<typeof createIntegrationFixtures>>;
    let channelCode: string;
    const user = (who: Who): User => f[who];

    beforeAll(() => {
      setEnv({ EMAIL_HOST: "" });
    });
    beforeEach(async () => {
      await resetDatabase();
      f = await createIntegrationFixtures();
      ({ channel: { code: channelCode } } = await addChannel(f.alice.id, f.project.code, {
        kind: "webhook",
        config: webhookConfig(`${http.url}/hook`),
      }));
    });

    async function expectOutcome(who: Who, run: () => Promise<unknown>): Promise<void> {
      if (EXPECTED[who] === "ok") await expect(run()).resolves.toBeDefined();
      else await expect(run()).rejects.toMatchObject({ name: "AppError", code: EXPECTED[who] });
    }

    for (const who of ["alice", "bob", "dave", "charlie"] as const) {
      test(`${who} ${EXPECTED[who] === "ok" ? "may" : "may not"} add an integration`, async () => {
        await expectOutcome(who, () =>
          addChannel(user(who).id, f.project.code, { kind: "email", config: { value: "x@example.org" } }),
        );
        expect(await getDb().channel.count()).toBe(EXPECTED[who] === "ok" ? 2 : 1);
      });

      test(`${who} ${EXPECTED[who] === "ok" ? "may" : "may not"} edit an integration`, async () => {
        await expectOutcome(who, () =>
          editChannel(user(who).id, channelCode, { name: "renamed", config: webhookConfig(`${http.url}/other`) }),
        );
        const channel = await getDb().channel.findUniqueOrThrow({ where: { code: channelCode } });
        expect(channel.name).toBe(EXPECTED[who] === "ok" ? "renamed" : "");
      });

      test(`${who} ${EXPECTED[who] === "ok" ? "may" : "may not"} delete an integration`, async () => {
        await expectOutcome(who, () => deleteChannel({ actor: userActor(user(who).id), channelCode }));
        expect(await getDb().channel.count()).toBe(EXPECTED[who] === "ok" ? 0 : 1);
      });

      test(`${who} ${EXPECTED[who] === "ok" ? "may" : "may not"} send a test notification`, async () => {
        http.requests.length = 0;
        await expectOutcome(who, () => sendTestNotification({ actor: userActor(user(who).id), channelCode: channelCode }));
        expect(http.requests).toHaveLength(EXPECTED[who] === "ok" ? 1 : 0);
      });

      test(`${who} ${EXPECTED[who] === "ok" ? "may" : "may not"} assign an integration to checks`, async () => {
        await expectOutcome(who, () => setChannelChecks({ actor: userActor(user(who).id), channelCode, checkCodes: [f.checks[0].code] }));
        const links = await getDb().channelCheck.count();
        expect(links).toBe(EXPECTED[who] === "ok" ? 1 : 2);
      });
    }

    test("everyone in the project may view an integration; outsiders get not_found", async () => {
      for (const who of ["alice", "bob", "dave"] as const) {
        await expect(requireChannelAccess(userActor(user(who).id), channelCode, "read")).resolves.toMatchObject({ channel: { code: channelCode } });
      }
      await expect(requireChannelAccess(userActor(f.charlie.id), channelCode, "read")).rejects.toMatchObject({ code: "not_found" });
    });

    test("an unknown channel is not_found for everyone", async () => {
      await expect(deleteChannel({ actor: userActor(f.alice.id), channelCode: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "not_found" });
    });

    test("assigning only accepts checks of the channel's own project", async () => {
      const foreign = await getDb().check.create({
        data: { code: "11111111-1111-4111-8111-111111111111", badgeKey: "foreign", projectId: f.charliesProject.id },
      });
      const alice = userActor(f.alice.id);
      await expect(setChannelChecks({ actor: alice, channelCode, checkCodes: [foreign.code] })).rejects.toMatchObject({ code: "bad_request" });
      expect(await getDb().channelCheck.count()).toBe(2);
      await setChannelChecks({ actor: alice, channelCode, checkCodes: [] });
      expect(await getDb().channelCheck.count()).toBe(0);
    });

    test("invalid configs are refused with the API's messages, and nothing is saved", async () => {
      await expect(
        addChannel(f.alice.id, f.project.code, { kind: "webhook", config: webhookConfig("ftp://example.org") }),
      ).rejects.toMatchObject({ code: "bad_request", message: "invalid webhook config: url_down must be an http or https URL" });
      await expect(
        addChannel(f.alice.id, f.project.code, { kind: "email", name: "x".repeat(101), config: { value: "a@example.org" } }),
      ).rejects.toMatchObject({ code: "bad_request" });
      expect(await getDb().channel.count()).toBe(1);
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
