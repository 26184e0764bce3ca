import { describe, expect, test } from "vitest";
import { userActor } from "../auth/actor";
import { sendTestNotification } from "../channels/send-test-notification";
import { getNtfyToken } from "./ntfy";
import { forEachDatabase } from "../../tests/helpers/databases";
import { respondWith, useChatFixture } from "../../tests/helpers/chat";

forEachDatabase(
  () => {
    const fx = useChatFixture();
    const config = (extra: Record<string, unknown> = {}) => ({ topic: "ops-alerts", url: fx.sink.url, priority: 5, priority_up: 3, token: "", ...extra });

    describe("ntfy", () => {
      test("publishes a down flip as JSON to the server root, with the topic in the body", async () => {
        await fx.addChannel("ntfy", config({ token: "tk_secret" }));
        await fx.addPing(3, 7_300_000, { body: "all good" });
        const report = await fx.deliverDown();
        expect(report.deliveries).toMatchObject([{ kind: "ntfy", error: "" }]);

        const req = fx.onlyRequest();
        expect(req.method).toBe("POST");
        expect(req.url).toBe("/");
        expect(req.headers["content-type"]).toBe("application/json");
        expect(req.headers.authorization).toBe("Bearer tk_secret");
        expect(req.json).toEqual({
          topic: "ops-alerts",
          priority: 5,
          title: "“DB Backup” is DOWN",
          message: [
            "The check “DB Backup” is DOWN (success signal did not arrive on time, grace time passed).",
            "",
            "- **Description:** Nightly dump\nof the main DB",
            "- **Project:** Alice's Project",
            "- **Tags:** prod db",
            "- **Period:** 1 hour",
            "- **Total Pings:** 3",
            "- **Last Ping:** Success, 2 hours ago",
            "",
            "**Last Ping Body:**",
            "```\nall good\n```",
            "",
            "All the other checks are up.",
          ].join("\n"),
          markdown: true,
          tags: ["red_circle"],
          actions: [{ action: "view", label: "View on Vigil", url: fx.cloakedUrl }],
        });
        expect(req.body.toString()).not.toContain(fx.check.code);
      });

      test("an up flip uses priority_up, a green tag and the downtime; no token means no Authorization", async () => {
        await fx.addChannel("ntfy", config());
        await fx.deliverUpAfterDowntime();
        const req = fx.onlyRequest();
        expect(req.headers.authorization).toBeUndefined();
        expect(req.json).toMatchObject({
          priority: 3,
          title: "“DB Backup” is UP",
          tags: ["green_circle"],
        });
        expect((req.json as { message: string }).message).toMatch(/^The check “DB Backup” is UP\. The downtime lasted 1 hour 30 minutes\.\n/);
      });

      test("priority 0 turns an event off: no request and no Notification", async () => {
        await fx.addChannel("ntfy", config({ priority: 0 }));
        const report = await fx.deliverDown();
        expect(report.deliveries).toEqual([]);
        expect(fx.sink.requests).toHaveLength(0);
      });

      test("“Send test notification” posts a TEST check going down; with down off it sends up", async () => {
        const channel = await fx.addChannel("ntfy", config({ priority: 0 }));
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: channel.code })).toEqual({ status: "up", error: "" });
        expect(fx.onlyRequest().json).toMatchObject({ title: "“TEST” is UP", priority: 3 });
      });

      test("allows 6 messages a minute per server and topic, then reports “Rate limit exceeded”", async () => {
        const channel = await fx.addChannel("ntfy", config());
        for (let i = 0; i < 6; i++) expect((await fx.deliverDown()).deliveries[0].error).toBe("");
        expect((await fx.deliverDown()).deliveries[0].error).toBe("Rate limit exceeded");
        expect(fx.sink.requests).toHaveLength(6);
        expect(await fx.reload(channel)).toMatchObject({ disabled: false, lastError: "Rate limit exceeded" });

        // Another topic on the same server has its own allowance.
        await fx.addChannel("ntfy", config({ topic: "other" }));
        const report = await fx.deliverDown();
        expect(report.deliveries.map((d) => d.error).sort()).toEqual(["", "Rate limit exceeded"]);
      });

      test("NTFY_SH_TOKEN is used only for https://ntfy.sh channels without a token of their own", () => {
        expect(getNtfyToken({ url: "https://ntfy.sh", token: "" }, "tk_site")).toBe("tk_site");
        expect(getNtfyToken({ url: "https://ntfy.sh", token: "tk_own" }, "tk_site")).toBe("tk_own");
        expect(getNtfyToken({ url: "https://ntfy.example.org", token: "" }, "tk_site")).toBe("");
      });

      test("a server error is recorded without disabling the channel", async () => {
        respondWith(fx.sink, 500);
        const channel = await fx.addChannel("ntfy", config());
        await fx.deliverDown();
        expect(await fx.reload(channel)).toMatchObject({ disabled: false, lastError: "Received status code 500" });
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
