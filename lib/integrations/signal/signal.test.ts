import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { setEnv } from "../../env";
import { userActor } from "../../auth/actor";
import { sendTestNotification } from "../../channels/send-test-notification";
import { forEachDatabase } from "../../../tests/helpers/databases";
import { useChatFixture } from "../../../tests/helpers/chat";
import { toSignalText } from "./transport";
import { signalSuccess, startSignalCli } from "../../../tests/helpers/signal-cli";

describe("signal text styles", () => {
  test("bold HTML becomes ranges over the plain text, with entities decoded", () => {
    expect(toSignalText("<b>“a&amp;b”</b> x\n<b>Tags:</b> &lt;y&gt;")).toEqual({
      message: "“a&b” x\nTags: <y>",
      textStyle: ["0:5:BOLD", "8:5:BOLD"],
    });
  });
});

forEachDatabase(
  () => {
    const fx = useChatFixture();
    const cli = startSignalCli();
    beforeAll(async () => {
      await cli.listen();
      setEnv({ SIGNAL_CLI_SOCKET: cli.address });
    });
    afterAll(async () => {
      setEnv({ SIGNAL_CLI_SOCKET: undefined });
      await cli.close();
    });
    beforeEach(() => {
      cli.requests.length = 0;
      cli.reply = signalSuccess;
    });

    describe("signal", () => {
      test("sends a JSON-RPC send with plain text and bold ranges to the phone number", async () => {
        await fx.addChannel("signal", { value: "+15551234567", up: true, down: true });
        const report = await fx.deliverDown("fail", { desc: "", tags: "" });
        expect(report.deliveries).toMatchObject([{ kind: "signal", error: "" }]);
        expect(cli.requests).toHaveLength(1);
        const [req] = cli.requests;
        expect(req.id).toMatch(/^[0-9a-f-]{36}$/);
        const message = [
          "“DB Backup” is DOWN",
          "",
          "The check “DB Backup” is DOWN (received a failure signal).",
          "",
          "Project: Alice's Project",
          "Period: 1 hour",
          "Total Pings: 0",
          "Last Ping: Never",
          "",
          "All the other checks are up.",
        ].join("\n");
        const at = (s: string) => message.indexOf(s);
        expect(req).toEqual({
          jsonrpc: "2.0",
          method: "send",
          params: {
            recipient: ["+15551234567"],
            message,
            textStyle: [
              "0:19:BOLD",
              `${at("Project:")}:8:BOLD`,
              `${at("Period:")}:7:BOLD`,
              `${at("Total Pings:")}:12:BOLD`,
              `${at("Last Ping:")}:10:BOLD`,
            ],
          },
          id: req.id,
        });
      });

      test("usernames are sent with the u: prefix; up/down flags turn events off", async () => {
        await fx.addChannel("signal", { value: "alice.01", up: true, down: false });
        expect((await fx.deliverDown()).deliveries).toEqual([]);
        await fx.deliverUpAfterDowntime();
        expect(cli.requests.map((r) => r.params.recipient)).toEqual([["u:alice.01"]]);
        expect(cli.requests[0].params.message).toMatch(/^“DB Backup” is UP\n/);
      });

      test("an unregistered recipient disables the channel", async () => {
        const channel = await fx.addChannel("signal", "+15551234567");
        cli.reply = (req) => ({
          jsonrpc: "2.0",
          error: { code: -1, message: "Failed to send message", data: { response: { results: [{ type: "UNREGISTERED_FAILURE" }] } } },
          id: req.id,
        });
        expect((await fx.deliverDown()).deliveries[0].error).toBe("Recipient not found");
        expect(cli.requests).toHaveLength(1);
        expect((await fx.reload(channel)).disabled).toBe(true);
      });

      test("other errors are tried twice and recorded", async () => {
        const channel = await fx.addChannel("signal", "+15551234567");
        cli.reply = (req) => ({ jsonrpc: "2.0", error: { code: -32603, message: "boom" }, id: req.id });
        expect((await fx.deliverDown()).deliveries[0].error).toBe("signal-cli call failed (-32603)");
        expect(cli.requests).toHaveLength(2);
        expect((await fx.reload(channel)).disabled).toBe(false);
      });

      test("at most 6 messages a minute per recipient", async () => {
        await fx.addChannel("signal", "+15551234567");
        for (let i = 0; i < 6; i++) expect((await fx.deliverDown()).deliveries[0].error).toBe("");
        expect((await fx.deliverDown()).deliveries[0].error).toBe("Rate limit exceeded");
        expect(cli.requests).toHaveLength(6);
      });

      test("“Send test notification” works", async () => {
        const channel = await fx.addChannel("signal", "+15551234567");
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: channel.code })).toEqual({ status: "down", error: "" });
        expect(cli.requests[0].params.message).toMatch(/^“TEST” is DOWN\n/);
      });
    });
  },
);
