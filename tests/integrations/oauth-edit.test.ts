// Editing a Slack or Discord channel that the OAuth flow created: the web edit page shows only
// its webhook URL, so saving that URL unchanged (a rename) must keep the OAuth config with the
// workspace and channel, while a new URL replaces it.
import { describe, expect, test } from "vitest";
import type { Channel } from "../../lib/db";
import { forEachDatabase } from "../helpers/databases";
import { useChatFixture } from "../helpers/chat";
import { editChannel } from "./helpers";

const SLACK = {
  incoming_webhook: { channel: "#ops", channel_id: "C1", configuration_url: "https://acme.slack.com/services/B1", url: "https://hooks.slack.com/services/T1/B1/x" },
  team_name: "Acme",
};
const DISCORD = { webhook: { id: "1", token: "t", url: "https://discord.com/api/webhooks/1/t", name: "Vigil" } };

forEachDatabase(
  () => {
    const fx = useChatFixture();
    const stored = async (channel: Channel) => {
      const reloaded = await fx.reload(channel);
      return { name: reloaded.name, config: JSON.parse(reloaded.config) as unknown };
    };

    describe("editing an OAuth-made chat channel from the web form", () => {
      test("a rename with the same webhook URL keeps Slack's OAuth config", async () => {
        const channel = await fx.addChannel("slack", SLACK);
        await editChannel(fx.ownerId, channel.code, { name: "Ops", config: { value: SLACK.incoming_webhook.url } });
        expect(await stored(channel)).toEqual({ name: "Ops", config: SLACK });
      });

      test("a rename with the same webhook URL keeps Discord's OAuth config", async () => {
        const channel = await fx.addChannel("discord", DISCORD);
        await editChannel(fx.ownerId, channel.code, { name: "Alerts", config: { value: DISCORD.webhook.url } });
        expect(await stored(channel)).toEqual({ name: "Alerts", config: DISCORD });
      });

      test("a new webhook URL replaces the OAuth config", async () => {
        const channel = await fx.addChannel("slack", SLACK);
        const url = "https://hooks.slack.com/services/T1/B2/y";
        await editChannel(fx.ownerId, channel.code, { name: "", config: { value: url } });
        expect(await stored(channel)).toEqual({ name: "", config: { value: url } });
      });
    });
  },
);
