import { beforeEach, describe, expect, test } from "vitest";
import { getDb, type Channel, type Check, type Flip, type Ping, type Project } from "../../db";
import { setEnv } from "../../env";
import { deliverFlip } from "../../alerts/deliver-flip";
import { findLastPing } from "../../alerts/deliver-flip";
import { forEachDatabase, resetDatabase } from "../../../tests/helpers/databases";
import { createChannel, createFlip, useHttpSink, webhookConfig } from "../../../tests/helpers/alerts";
import { createCheck, createFixtures } from "../../../tests/fixtures";
import type { NotifyContext } from "../transport";
import { getWebhookSpec } from "./config";
import { expandWebhookTemplate, pyJson, pyQuote, replacePlaceholders } from "./transport";

describe("replacePlaceholders", () => {
  const values = new Map([
    ["$NAME_JSON", '"x"'],
    ["$NAME", "foo"],
    ["$TAGS", "a b"],
    ["$TAG1", "a"],
    ["$FOO", "$BAR"],
    ["$BAR", "World"],
  ]);
  test.each([
    ["$NAME is down", "foo is down"],
    ["$NAME_JSON", '"x"'],
    ["$TAGS/$TAG1", "a b/a"],
    // Values are not re-expanded, and "$$NAME" is a dollar sign followed by $NAME.
    ["Hello $FOO", "Hello $BAR"],
    ["$$NAME", "$foo"],
    ["$UNKNOWN $", "$UNKNOWN $"],
    // Insertion order, not longest match: $TAG10 is $TAG1 followed by "0".
    ["$TAG10", "a0"],
    ["no placeholders", "no placeholders"],
  ])("%s → %s", (template, expected) => {
    expect(replacePlaceholders(template, values)).toBe(expected);
  });
});

describe("Python encoders", () => {
  test.each([
    ["Hello World", "Hello%20World"],
    ["a/b", "a/b"],
    ["$TAG1", "%24TAG1"],
    ["ā&?=#", "%C4%81%26%3F%3D%23"],
    ["-_.~!*'()", "-_.~%21%2A%27%28%29"],
  ])("quote(%s) = %s", (input, expected) => {
    expect(pyQuote(input)).toBe(expected);
  });

  test.each([
    ['Project "Foo"', '"Project \\"Foo\\""'],
    ["Café ☕", '"Caf\\u00e9 \\u2615"'],
    ["line\nbreak\ttab", '"line\\nbreak\\ttab"'],
    ["😀", '"\\ud83d\\ude00"'],
  ])("json.dumps(%s) = %s", (input, expected) => {
    expect(pyJson(input)).toBe(expected);
  });

  test("json.dumps of objects uses Python's separators", () => {
    expect(pyJson({ a: 1, b: [true, null, "x"], c: {} })).toBe('{"a": 1, "b": [true, null, "x"], "c": {}}');
  });
});

describe("getWebhookSpec", () => {
  test("reads the spec for the status and fills in defaults", () => {
    const channel = { config: JSON.stringify({ url_down: "http://a", method_down: "post", headers_down: { X: "1", Bad: 2 } }) };
    expect(getWebhookSpec(channel, "down")).toEqual({ method: "POST", url: "http://a", body: "", headers: { X: "1" } });
    expect(getWebhookSpec(channel, "up")).toEqual({ method: "GET", url: "", body: "", headers: {} });
    expect(getWebhookSpec({ config: "not json" }, "down").url).toBe("");
  });
});

forEachDatabase(
  () => {
    const sink = useHttpSink();
    let projectId: number;
    let project: Project;
    let unattached: Channel;
    let check: Check;

    beforeEach(async () => {
      await resetDatabase();
      ({ project } = await createFixtures());
      projectId = project.id;
      unattached = await createChannel(projectId, "webhook", webhookConfig("http://unused"), []);
      check = await createCheck(projectId, { name: "Hello World", slug: "hello-world", tags: "foo bar", status: "down" });
    });

    const flipAt = new Date("2026-01-01T10:00:00.123Z");

    async function addPing(data: Partial<Ping> & { n: number; createdAt: Date }): Promise<void> {
      await getDb().ping.create({ data: { checkId: check.id, ...data } });
    }

    function contextFor(flip: Flip, c: Check = check): NotifyContext {
      let lastPing: Promise<Ping | null> | undefined;
      return {
        flip,
        check: { ...c, project },
        channel: unattached,
        notificationCode: "n",
        isTest: false,
        getLastPing: () => (lastPing ??= findLastPing(flip)),
      };
    }

    async function expand(template: string, opts: Parameters<typeof expandWebhookTemplate>[2] = {}, c: Check = check) {
      const flip = await createFlip(c.id, { createdAt: flipAt, oldStatus: "up", newStatus: "down" });
      return expandWebhookTemplate(template, contextFor(flip, c), opts);
    }

    test("expands the placeholders of a URL, encoding all but $CODE, $STATUS and $SLUG", async () => {
      expect(await expand("http://host/$CODE/$SLUG/$STATUS/$TAG1/$TAG2/?name=$NAME&t=$TAGS&now=$NOW", { urlencode: true })).toBe(
        `http://host/${check.code}/hello-world/down/foo/bar/?name=Hello%20World&t=foo%20bar&now=2026-01-01T10%3A00%3A00%2B00%3A00`,
      );
    });

    test("$NOW is the flip time without fractions; $NAME_JSON and $NAME in a body", async () => {
      const quoted = await createCheck(projectId, { name: 'Project "Foo"' });
      expect(await expand("$NOW|$NAME|$NAME_JSON", { allowBody: true }, quoted)).toBe(
        '2026-01-01T10:00:00+00:00|Project "Foo"|"Project \\"Foo\\""',
      );
    });

    test("a name that looks like a placeholder is not expanded again", async () => {
      const tricky = await createCheck(projectId, { name: "$TAG1", tags: "foo" });
      expect(await expand("http://host/$NAME", { urlencode: true }, tricky)).toBe("http://host/%24TAG1");
      expect(await expand("http://host/$$NAMETAG1", { urlencode: true }, tricky)).toBe("http://host/$%24TAG1TAG1");
    });

    test("$BODY, $BODY_JSON and $EXITSTATUS come from the last ping at or before the flip", async () => {
      await addPing({ n: 1, createdAt: new Date(flipAt.getTime() - 60_000), body: Buffer.from("Body Line 1\nBody Line 2"), exitStatus: 123 });
      await addPing({ n: 2, createdAt: new Date(flipAt.getTime() + 1000), body: Buffer.from("after the flip"), exitStatus: 0 });
      expect(await expand("$BODY|$BODY_JSON|$EXITSTATUS", { allowBody: true })).toBe(
        'Body Line 1\nBody Line 2|"Body Line 1\\nBody Line 2"|123',
      );
    });

    test("$EXITSTATUS is -1 without a ping or exit status, and $BODY is empty", async () => {
      expect(await expand("$EXITSTATUS $BODY_JSON", { allowBody: true })).toBe('-1 ""');
      await addPing({ n: 1, createdAt: flipAt, body: null, exitStatus: null });
      expect(await expand("$EXITSTATUS", { allowBody: true })).toBe("-1");
    });

    test("$BODY is not available in URLs and headers", async () => {
      await addPing({ n: 1, createdAt: flipAt, body: Buffer.from("secret") });
      expect(await expand("http://host/$BODY", { urlencode: true })).toBe("http://host/$BODY");
      expect(await expand("$BODY", { latin1: true })).toBe("$BODY");
    });

    test("header values keep latin-1 and turn other characters into references", async () => {
      const named = await createCheck(projectId, { name: "bār ½ 😀" });
      expect(await expand("$NAME is DOWN", { latin1: true }, named)).toBe("b&#257;r ½ &#128512; is DOWN");
    });

    test("$JSON is the API v3 check JSON with the channel list", async () => {
      const channel = await createChannel(projectId, "webhook", webhookConfig("http://x"), [check.id]);
      const json = JSON.parse(await expand("$JSON", { allowBody: true })) as Record<string, unknown>;
      expect(json).toMatchObject({ name: "Hello World", slug: "hello-world", tags: "foo bar", status: "down", channels: channel.code });
      expect(json.ping_url).toContain(check.code);
      expect(await expand("$JSON", { allowBody: true })).toMatch(/^\{"name": "Hello World", "slug": /);
    });

    test("delivers a POST with the expanded body and headers to a loopback server", async () => {
      await createChannel(projectId, "webhook", webhookConfig("", "", {
        method_down: "POST",
        url_down: `${sink.url}/hook/$CODE?status=$STATUS`,
        body_down: '{"name": $NAME_JSON, "body": $BODY_JSON}',
        headers_down: { "Content-Type": "application/json", "X-Message": "$NAME is DOWN" },
      }), [check.id]);
      await addPing({ n: 1, createdAt: flipAt, body: Buffer.from("out of disk"), kind: "fail" });
      const report = await deliverFlip(await createFlip(check.id, { createdAt: flipAt }));
      expect(report.deliveries).toMatchObject([{ kind: "webhook", error: "" }]);
      expect(sink.requests).toHaveLength(1);
      const [req] = sink.requests;
      expect(req.method).toBe("POST");
      expect(req.url).toBe(`/hook/${check.code}?status=down`);
      expect(req.headers["content-type"]).toBe("application/json");
      expect(req.headers["x-message"]).toBe("Hello World is DOWN");
      expect(req.headers["user-agent"]).toBe("Vigil");
      expect(JSON.parse(req.body.toString())).toEqual({ name: "Hello World", body: "out of disk" });
    });

    test("GET sends no body; an up flip uses the up request; an empty URL is a no-op", async () => {
      await createChannel(projectId, "webhook", webhookConfig(`${sink.url}/down`, `${sink.url}/up`, { body_down: "ignored" }), [check.id]);
      await deliverFlip(await createFlip(check.id, { createdAt: flipAt }));
      await deliverFlip(await createFlip(check.id, { createdAt: new Date(flipAt.getTime() + 1000), oldStatus: "down", newStatus: "up" }));
      expect(sink.requests.map((r) => `${r.method} ${r.url} ${r.body.length}`)).toEqual(["GET /down 0", "GET /up 0"]);

      const downOnly = await createCheck(projectId, { status: "up" });
      await createChannel(projectId, "webhook", webhookConfig(`${sink.url}/down`, ""), [downOnly.id]);
      const report = await deliverFlip(await createFlip(downOnly.id, { oldStatus: "down", newStatus: "up" }));
      expect(report.deliveries).toEqual([]);
      expect(await getDb().notification.count({ where: { checkId: downOnly.id } })).toBe(0);
    });

    test("PUT sends the body", async () => {
      await createChannel(projectId, "webhook", webhookConfig("", "", { method_down: "PUT", url_down: sink.url, body_down: "(╯°□°）╯︵ ┻━┻ $STATUS" }), [check.id]);
      await deliverFlip(await createFlip(check.id));
      expect(sink.requests[0].method).toBe("PUT");
      expect(sink.requests[0].body.toString("utf8")).toBe("(╯°□°）╯︵ ┻━┻ down");
    });

    test("retries a 500 three times and records the error", async () => {
      sink.respond = (_req, res) => {
        res.statusCode = 500;
        res.end();
      };
      const channel = await createChannel(projectId, "webhook", webhookConfig(sink.url), [check.id]);
      const report = await deliverFlip(await createFlip(check.id));
      expect(sink.requests).toHaveLength(3);
      expect(report.deliveries[0].error).toBe("Received status code 500");
      const [n] = await getDb().notification.findMany({ where: { channelId: channel.id } });
      expect(n.error).toBe("Received status code 500");
      const after = await getDb().channel.findUniqueOrThrow({ where: { id: channel.id } });
      expect(after).toMatchObject({ lastError: "Received status code 500", disabled: false });
    });

    test("refuses a private address unless INTEGRATIONS_ALLOW_PRIVATE_IPS=True", async () => {
      setEnv({ INTEGRATIONS_ALLOW_PRIVATE_IPS: "False" });
      try {
        await createChannel(projectId, "webhook", webhookConfig(sink.url), [check.id]);
        const report = await deliverFlip(await createFlip(check.id));
        expect(report.deliveries[0].error).toBe("Connections to private IP addresses are not allowed");
        expect(sink.requests).toHaveLength(0);
      } finally {
        setEnv({ INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" });
      }
    });

    test("WEBHOOKS_ENABLED=False turns deliveries into errors", async () => {
      setEnv({ WEBHOOKS_ENABLED: "False" });
      try {
        await createChannel(projectId, "webhook", webhookConfig(sink.url), [check.id]);
        const report = await deliverFlip(await createFlip(check.id));
        expect(report.deliveries[0].error).toBe("Webhook notifications are not enabled.");
      } finally {
        setEnv({ WEBHOOKS_ENABLED: undefined });
      }
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
