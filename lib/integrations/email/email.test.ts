import nodemailer from "nodemailer";
import { beforeAll, beforeEach, expect, test } from "vitest";
import { getDb, type Check } from "../../db";
import { setEnv } from "../../env";
import { getUniqueKey } from "../../checks/to-dict";
import { deliverFlip } from "../../alerts/deliver-flip";
import { sendMail } from "../../mail";
import { forEachDatabase, resetDatabase } from "../../../tests/helpers/databases";
import { createChannel, createFlip, useSmtpSink } from "../../../tests/helpers/alerts";
import { createCheck, createFixtures } from "../../../tests/fixtures";
import { readUpDownConfig } from "../config";
import { emailTransport } from "./transport";
import { getUnsubscribeToken } from "./unsubscribe";

const smtp = useSmtpSink();

forEachDatabase(() => {
  let projectId: number;
  let check: Check;

  beforeAll(() => {
    setEnv({
      EMAIL_HOST: "127.0.0.1",
      EMAIL_PORT: String(smtp.port),
      EMAIL_USE_TLS: "False",
      SITE_ROOT: "https://vigil.example.org",
      SITE_NAME: "Vigil Test",
      DEFAULT_FROM_EMAIL: "alerts@vigil.example.org",
    });
  });
  beforeEach(async () => {
    await resetDatabase();
    ({ project: { id: projectId } } = await createFixtures());
    check = await createCheck(projectId, {
      name: "Backups <nightly>",
      desc: "Runs at 3am",
      tags: "prod db",
      timeout: 86400,
      status: "down",
      createdAt: new Date("2025-12-01T00:00:00Z"),
    });
  });

  const emailChannel = (config: unknown = { value: "ops@example.org", up: true, down: true }, emailVerified = true) =>
    createChannel(projectId, "email", config, [check.id], { emailVerified });

  test("sends a DOWN email with the reason, details, last ping and a cloaked link", async () => {
    await emailChannel();
    await getDb().ping.create({
      data: { checkId: check.id, n: 41, createdAt: new Date(Date.now() - 300_000), remoteAddr: "203.0.113.9", kind: "fail", exitStatus: 3, body: Buffer.from("disk full") },
    });
    const report = await deliverFlip(await createFlip(check.id, { reason: "timeout" }));
    expect(report.deliveries).toMatchObject([{ kind: "email", error: "" }]);
    await smtp.waitForMessages(1);
    const [msg] = smtp.messages;
    expect(msg.subject).toBe("DOWN | Backups <nightly>");
    expect(msg.to && !Array.isArray(msg.to) ? msg.to.text : "").toBe("ops@example.org");
    expect(msg.from?.text).toBe("alerts@vigil.example.org");
    const cloaked = `https://vigil.example.org/cloaked/${getUniqueKey(check.code)}/`;
    const text = msg.text ?? "";
    expect(text).toContain('The check "Backups <nightly>" is DOWN (success signal did not arrive on time, grace time passed).');
    expect(text).toContain(`View on Vigil Test:\n${cloaked}`);
    expect(text).toContain("Description:\n------------\nRuns at 3am");
    expect(text).toContain("Project: Alice's Project");
    expect(text).toContain("Tags: prod db");
    expect(text).toContain("Period: 1 day");
    expect(text).toContain("Total Pings: 41 (since Dec 1, 2025)");
    expect(text).toContain("Last Ping: 5 minutes ago, from 203.0.113.9");
    expect(text).toContain("Last Ping Type: Exit status 3");
    expect(text).toContain("Last Ping Body:\n---------------\ndisk full");
    // The UUID is a ping secret: only the cloaked link may appear.
    expect(text).not.toContain(check.code);
    const html = msg.html || "";
    expect(html).toContain('"Backups &lt;nightly&gt;" is');
    expect(html).toContain(`href="${cloaked}"`);
    expect(html).toContain("disk full");
    expect(html).not.toContain(check.code);
    const source = smtp.raw[0].toString();
    // The unsubscribe link is signed: a channel's UUID alone cannot silence it.
    const unsub = /List-Unsubscribe:\s+<(https:\/\/vigil\.example\.org\/integrations\/([0-9a-f-]{36})\/unsub\/([A-Za-z0-9_-]{43})\/)>/.exec(source);
    expect(unsub).not.toBeNull();
    expect(unsub![3]).toBe(getUnsubscribeToken(unsub![2]));
    expect(text).toContain(`Unsubscribe: ${unsub![1]}`);
    expect(source).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  });

  test("an UP email says how long the downtime lasted", async () => {
    await emailChannel();
    const wentDown = new Date(Date.now() - 2 * 3600_000 - 5 * 60_000);
    await createFlip(check.id, { createdAt: wentDown, processedAt: wentDown, oldStatus: "up", newStatus: "down" });
    await deliverFlip(await createFlip(check.id, { oldStatus: "down", newStatus: "up", createdAt: new Date() }));
    await smtp.waitForMessages(1);
    expect(smtp.messages[0].subject).toBe("UP | Backups <nightly>");
    expect(smtp.messages[0].text).toContain("is UP. The downtime lasted 2 hours 5 minutes.");
  });

  test("the up/down flags make a status a no-op, legacy configs notify both", async () => {
    const flip = await createFlip(check.id);
    const upFlip = { ...flip, newStatus: "up" };
    const downOnly = await emailChannel({ value: "ops@example.org", up: false, down: true });
    expect(emailTransport.isNoop(downOnly, flip)).toBe(false);
    expect(emailTransport.isNoop(downOnly, upFlip)).toBe(true);
    expect(readUpDownConfig(JSON.stringify({ value: "a@example.org" }))).toEqual({ value: "a@example.org", up: true, down: true });
    expect(readUpDownConfig(JSON.stringify("b@example.org"))).toEqual({ value: "b@example.org", up: true, down: true });

    const report = await deliverFlip(upFlip);
    expect(report.deliveries).toEqual([]);
    expect(await getDb().notification.count()).toBe(0);
    expect(smtp.messages).toHaveLength(0);
  });

  test("an unverified address is not mailed", async () => {
    const channel = await emailChannel(undefined, false);
    const report = await deliverFlip(await createFlip(check.id));
    expect(report.deliveries[0].error).toBe("Email not verified");
    expect((await getDb().notification.findFirstOrThrow({ where: { channelId: channel.id } })).error).toBe("Email not verified");
    expect(smtp.messages).toHaveLength(0);
  });

  test("the last email ping is summarized and attached", async () => {
    await emailChannel();
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
    const info = await transport.sendMail({ from: "cron@example.org", to: "x@example.org", subject: "Backup FAILED", text: "details" });
    await getDb().ping.create({
      data: { checkId: check.id, n: 1, createdAt: new Date(Date.now() - 1000), scheme: "email", kind: "fail", body: Buffer.from(info.message as Buffer) },
    });
    await deliverFlip(await createFlip(check.id, { reason: "fail" }));
    await smtp.waitForMessages(1);
    const [msg] = smtp.messages;
    expect(msg.text).toContain("is DOWN (received a failure signal).");
    expect(msg.text).toContain("Last Ping Subject: Backup FAILED");
    const source = smtp.raw[0].toString();
    expect(source).toContain("Content-Type: message/rfc822; name=last-ping.eml");
    expect(source).toContain("Content-Disposition: attachment; filename=last-ping.eml");
  });

  test("a recipient with an account sees a projects overview in their time zone", async () => {
    const db = getDb();
    await db.user.update({ where: { email: "alice@example.org" }, data: { tz: "Europe/Riga" } });
    await emailChannel({ value: "alice@example.org", up: true, down: true });
    await deliverFlip(await createFlip(check.id, { createdAt: new Date("2026-01-01T10:00:00Z") }));
    await smtp.waitForMessages(1);
    const text = smtp.messages[0].text ?? "";
    expect(text).toContain("Projects Overview:\n------------------\n* Alice's Project: 1 check down");
    expect(text).toContain("Status Changed: Jan 1, 2026, 12:00 GMT+2");
  });

  test("without EMAIL_HOST the error says email is not configured", async () => {
    setEnv({ EMAIL_HOST: "" });
    try {
      await emailChannel();
      const report = await deliverFlip(await createFlip(check.id));
      expect(report.deliveries[0].error).toBe("Email is not configured (EMAIL_HOST is not set)");
      await expect(sendMail({ to: "a@example.org", subject: "s", text: "t" })).rejects.toThrow("EMAIL_HOST is not set");
    } finally {
      setEnv({ EMAIL_HOST: "127.0.0.1" });
    }
  });
});
