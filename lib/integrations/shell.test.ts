import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { setEnv } from "../env";
import { userActor } from "../auth/actor";
import { sendTestNotification } from "../channels/send-test-notification";
import { forEachDatabase } from "../../tests/helpers/databases";
import { useChatFixture } from "../../tests/helpers/chat";
import { expandShellCommand, shellQuote } from "./shell";

describe("shell placeholders", () => {
  const check = { code: "6f1c2b4e-0000-4000-8000-000000000001", name: "it's $(rm -rf ~)", tags: "prod `x` db" };
  test("quotes the name and the tags, and leaves the rest as they are", () => {
    expect(expandShellCommand("x $CODE $STATUS $NAME $TAGS $TAG1 $TAG2 $TAG3 $TAG10", check, "down", new Date("2026-01-02T03:04:05.678Z"))).toBe(
      `x ${check.code} down 'it'"'"'s $(rm -rf ~)' 'prod \`x\` db' 'prod' '\`x\`' 'db' 'prod'0`,
    );
    expect(expandShellCommand("$NOW", check, "up", new Date("2026-01-02T03:04:05.678Z"))).toBe("2026-01-02T03:04:05+00:00");
    expect(shellQuote("")).toBe("''");
  });
});

forEachDatabase(
  () => {
    const fx = useChatFixture();
    let dir = "";
    beforeAll(() => {
      setEnv({ SHELL_ENABLED: "True" });
    });
    afterAll(() => {
      setEnv({ SHELL_ENABLED: undefined });
    });
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-shell-"));
    });
    const out = () => fs.readFileSync(path.join(dir, "out"), "utf8");
    const write = (what: string) => `printf '%s\\n' ${what} > ${dir}/out`;

    describe("shell", () => {
      test("runs cmd_down with the placeholders filled in and the user's values quoted", async () => {
        await fx.addChannel("shell", { cmd_down: write("$CODE $STATUS $NOW $NAME $TAGS $TAG1 $TAG2"), cmd_up: "" });
        const report = await fx.deliverDown("timeout", { name: "Nightly `touch /tmp/x`; it's", tags: "prod db" });
        expect(report.deliveries).toMatchObject([{ kind: "shell", error: "" }]);
        const lines = out().split("\n");
        expect(lines.slice(0, 2)).toEqual([fx.check.code, "down"]);
        expect(lines[2]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
        expect(lines.slice(3)).toEqual(["Nightly `touch /tmp/x`; it's", "prod db", "prod", "db", ""]);
      });

      test("runs cmd_up on recovery; an empty command is a no-op", async () => {
        await fx.addChannel("shell", { cmd_down: "", cmd_up: write("$STATUS") });
        expect((await fx.deliverDown()).deliveries).toEqual([]);
        await fx.deliverUpAfterDowntime();
        expect(out()).toBe("up\n");
      });

      test("a non-zero exit is recorded as the error", async () => {
        const channel = await fx.addChannel("shell", { cmd_down: "exit 3", cmd_up: "" });
        expect((await fx.deliverDown()).deliveries[0].error).toBe("Command returned exit code 3");
        expect((await fx.reload(channel)).disabled).toBe(false);
      });

      test("nothing runs when SHELL_ENABLED is off", async () => {
        await fx.addChannel("shell", { cmd_down: write("ran"), cmd_up: "" });
        setEnv({ SHELL_ENABLED: "False" });
        try {
          expect((await fx.deliverDown()).deliveries[0].error).toBe("Shell commands are not enabled");
        } finally {
          setEnv({ SHELL_ENABLED: "True" });
        }
        expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
      });

      test("“Send test notification” works", async () => {
        const channel = await fx.addChannel("shell", { cmd_down: write("$NAME"), cmd_up: "" });
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: channel.code })).toEqual({ status: "down", error: "" });
        expect(out()).toBe("TEST\n");
      });
    });
  },
);
