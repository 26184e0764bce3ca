import { describe, expect, test } from "vitest";
import { userActor } from "../auth/actor";
import { sendTestNotification } from "../channels/send-test-notification";
import { forEachDatabase } from "../../tests/helpers/databases";
import { useChatFixture } from "../../tests/helpers/chat";

const SPACE_PATH = "/v1/spaces/AAAA/messages?key=k&token=t";

forEachDatabase(
  () => {
    const fx = useChatFixture();

    describe("googlechat", () => {
      test("“Send test notification” posts a TEST check going down, once", async () => {
        const channel = await fx.addChannel("googlechat", { value: fx.sink.url });
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: channel.code })).toEqual({ status: "down", error: "" });
        expect(JSON.stringify(fx.onlyRequest().json)).toContain("TEST");
      });

      test("posts a cardsV2 card to the space's webhook", async () => {
        await fx.addChannel("googlechat", { value: `${fx.sink.url}${SPACE_PATH}` });
        await fx.addPing(9, 3_605_000, { kind: "fail" });
        const report = await fx.deliverDown();
        expect(report.deliveries).toMatchObject([{ kind: "googlechat", error: "" }]);

        const req = fx.onlyRequest();
        expect(req.method).toBe("POST");
        expect(req.url).toBe(SPACE_PATH);
        expect(req.headers["content-type"]).toBe("application/json");
        expect(req.json).toEqual({
          cardsV2: [
            {
              card: {
                sections: [
                  {
                    collapsible: true,
                    uncollapsibleWidgetsCount: 1,
                    widgets: [
                      {
                        textParagraph: {
                          text: "🔴 <b>DB Backup</b> is <b>DOWN</b>. Reason: success signal did not arrive on time, grace time passed.",
                        },
                      },
                      { decoratedText: { topLabel: "Project", text: "Alice&#x27;s Project" } },
                      { decoratedText: { topLabel: "Tags", text: "prod, db" } },
                      { decoratedText: { topLabel: "Period", text: "1 hour" } },
                      { decoratedText: { topLabel: "Total Pings", text: "9" } },
                      { decoratedText: { topLabel: "Last Ping", text: "Failure, 1 hour ago" } },
                      {
                        buttonList: {
                          buttons: [{ text: "View in Vigil", type: "FILLED", onClick: { openLink: { url: fx.cloakedUrl } } }],
                        },
                      },
                    ],
                  },
                ],
              },
            },
          ],
        });
      });

      test("an up flip is green with the downtime; names are HTML-escaped", async () => {
        await fx.addChannel("googlechat", `${fx.sink.url}${SPACE_PATH}`);
        await fx.deliverUpAfterDowntime();
        type Card = { cardsV2: { card: { sections: { widgets: { textParagraph?: { text: string } }[] }[] } }[] };
        const headline = () => (fx.onlyRequest().json as Card).cardsV2[0].card.sections[0].widgets[0].textParagraph?.text;
        expect(headline()).toBe("🟢 <b>DB Backup</b> is <b>UP</b>. The downtime lasted 1 hour 30 minutes.");

        fx.sink.requests.length = 0;
        await fx.deliverDown("", { name: "a<b>" });
        expect(headline()).toBe("🔴 <b>a&lt;b&gt;</b> is <b>DOWN</b>.");
      });

      test("a failing space is retried and the error recorded", async () => {
        fx.sink.respond = (_req, res) => {
          res.statusCode = 503;
          res.end();
        };
        const channel = await fx.addChannel("googlechat", { value: fx.sink.url });
        await fx.deliverDown();
        expect(fx.sink.requests).toHaveLength(3);
        expect(await fx.reload(channel)).toMatchObject({ disabled: false, lastError: "Received status code 503" });
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
