// Email pings end to end on loopback: nodemailer → the smtpd listener → recordPing → the
// Ping row, on SQLite and PostgreSQL.
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { MAX_MESSAGE_SIZE, startSmtpd } from "../../lib/smtpd/create-smtp-server";
import { forEachDatabase, resetDatabase } from "../helpers/databases";

const DOMAIN = "hc.example.org";
const PING_KEY = "abcdefghijklmnopqrstuv";
const SENDER = "cron@example.org";

/** The message bytes nodemailer would send, so the stored body can be compared exactly. */
async function compose(mail: Mail.Options): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  const info = await transport.sendMail({ from: SENDER, to: "ignored@example.org", ...mail });
  return info.message as Buffer;
}

forEachDatabase(() => {
  let smtpd: { port: number; close(): Promise<void> };
  const logs: string[] = [];
  let projectId = 0;

  beforeAll(async () => {
    smtpd = await startSmtpd({ port: 0, host: "127.0.0.1" }, { log: (line) => logs.push(line) });
  });
  afterAll(async () => {
    await smtpd.close();
  });

  beforeEach(async () => {
    await resetDatabase();
    logs.length = 0;
    const db = getDb();
    const user = await db.user.create({ data: { email: "alice@example.org" } });
    const project = await db.project.create({
      data: { code: randomUUID(), ownerId: user.id, badgeKey: randomUUID(), pingKey: PING_KEY },
    });
    projectId = project.id;
  });

  async function createCheck(data: Record<string, string | boolean> = {}) {
    return getDb().check.create({ data: { code: randomUUID(), projectId, badgeKey: randomUUID(), ...data } });
  }

  function send(raw: Buffer, to: string[], from = SENDER) {
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: smtpd.port, secure: false, ignoreTLS: true });
    return transport.sendMail({ envelope: { from, to }, raw });
  }

  async function pingsOf(checkId: number) {
    return getDb().ping.findMany({ where: { checkId }, orderBy: { n: "asc" } });
  }

  test("records a success ping with the whole raw message", async () => {
    const check = await createCheck();
    const raw = await compose({ subject: "Backup done", text: "All good" });
    const info = await send(raw, [`${check.code}@${DOMAIN}`]);
    expect(info.response).toBe("250 OK");

    const pings = await pingsOf(check.id);
    expect(pings).toHaveLength(1);
    expect(pings[0]).toMatchObject({
      n: 1,
      kind: null,
      scheme: "email",
      method: "",
      ua: `Email from ${SENDER}`,
      remoteAddr: "127.0.0.1",
      exitStatus: null,
      rid: null,
    });
    // latin1 maps bytes 1:1 to characters, so this compares bytes with a readable diff.
    expect(Buffer.from(pings[0].body!).toString("latin1")).toBe(raw.toString("latin1"));
    const after = await getDb().check.findUniqueOrThrow({ where: { id: check.id } });
    expect(after.status).toBe("up");
    expect(logs).toEqual([`Processed ping for ${check.code}@${DOMAIN}`]);
  });

  test("finds the check from an uppercase UUID and an uppercase domain", async () => {
    const check = await createCheck();
    await send(await compose({ subject: "x", text: "y" }), [`${check.code.toUpperCase()}@HC.EXAMPLE.ORG`]);
    expect(await pingsOf(check.id)).toHaveLength(1);
  });

  test("a failure keyword in the subject with filter_subject records a fail and takes the check down", async () => {
    const check = await createCheck({ filterSubject: true, successKw: "SUCCESS", failureKw: "FAILED, ERROR" });
    await send(await compose({ subject: "[cron] backup FAILED", text: "SUCCESS in body is not read" }), [`${check.code}@${DOMAIN}`]);

    const pings = await pingsOf(check.id);
    expect(pings.map((p) => p.kind)).toEqual(["fail"]);
    const after = await getDb().check.findUniqueOrThrow({ where: { id: check.id } });
    expect(after.status).toBe("down");
    const flips = await getDb().flip.findMany({ where: { checkId: check.id } });
    expect(flips).toMatchObject([{ oldStatus: "new", newStatus: "down", reason: "fail" }]);
  });

  test("decodes an encoded-word subject before matching keywords", async () => {
    const check = await createCheck({ filterSubject: true, successKw: "Sauvegarde réussie" });
    const raw = await compose({ subject: "✅ Sauvegarde réussie", text: "ok" });
    expect(raw.toString("latin1")).toContain("Subject: =?UTF-8?");
    await send(raw, [`${check.code}@${DOMAIN}`]);
    expect((await pingsOf(check.id)).map((p) => p.kind)).toEqual([null]);
  });

  test("filter_body classifies an HTML-only message by its rendered text", async () => {
    const check = await createCheck({ filterBody: true, successKw: "Backup completed", filterDefaultFail: true });
    const html = "<html><head><style>.x { }</style></head><body><p>Backup\n   <b>completed</b></p></body></html>";
    const raw = await compose({ subject: "Report FAILED (subject not read)", html });
    expect(raw.toString("latin1")).not.toContain("text/plain");
    await send(raw, [`${check.code}@${DOMAIN}`]);

    expect((await pingsOf(check.id)).map((p) => p.kind)).toEqual([null]);
  });

  test("filter_body reads both the text and the HTML part", async () => {
    const check = await createCheck({ filterBody: true, failureKw: "html-only-word" });
    const raw = await compose({ subject: "Report", text: "plain part", html: "<p>html-only-word</p>" });
    await send(raw, [`${check.code}@${DOMAIN}`]);
    expect((await pingsOf(check.id)).map((p) => p.kind)).toEqual(["fail"]);
  });

  test("without a matching keyword a filtered email is ignored", async () => {
    const check = await createCheck({ filterSubject: true, filterBody: true, successKw: "OK", failureKw: "FAIL" });
    await send(await compose({ subject: "Weekly report", text: "nothing to see" }), [`${check.code}@${DOMAIN}`]);
    expect((await pingsOf(check.id)).map((p) => p.kind)).toEqual(["ign"]);
    const after = await getDb().check.findUniqueOrThrow({ where: { id: check.id } });
    expect(after.status).toBe("new");
  });

  test("records a ping for a ping key and slug address", async () => {
    const check = await createCheck({ slug: "db-backup" });
    await send(await compose({ subject: "x", text: "y" }), [`${PING_KEY}+db-backup@${DOMAIN}`]);
    expect(await pingsOf(check.id)).toHaveLength(1);
    expect(logs).toEqual([`Processed ping for ${PING_KEY}+db-backup@${DOMAIN}`]);
  });

  test("records one ping per accepted recipient and skips the rejected one", async () => {
    const a = await createCheck();
    const b = await createCheck({ slug: "b" });
    const info = await send(await compose({ subject: "x", text: "y" }), [
      `${a.code}@${DOMAIN}`,
      `${a.code}@example.org`,
      `${PING_KEY}+b@${DOMAIN}`,
    ]);
    expect(info.accepted).toEqual([`${a.code}@${DOMAIN}`, `${PING_KEY}+b@${DOMAIN}`]);
    expect(info.rejected).toEqual([`${a.code}@example.org`]);
    expect(await pingsOf(a.id)).toHaveLength(1);
    expect(await pingsOf(b.id)).toHaveLength(1);
  });

  test("rejects a recipient at another domain with 550 at RCPT", async () => {
    const check = await createCheck();
    await expect(send(await compose({ subject: "x", text: "y" }), [`${check.code}@example.org`])).rejects.toMatchObject({
      responseCode: 550,
      response: "550 5.1.1 Recipient rejected",
    });
    expect(await pingsOf(check.id)).toHaveLength(0);
  });

  test("rejects a malformed mailbox with 550 at RCPT", async () => {
    await expect(send(await compose({ subject: "x", text: "y" }), [`postmaster@${DOMAIN}`])).rejects.toMatchObject({
      responseCode: 550,
      response: "550 5.1.1 Invalid mailbox",
    });
  });

  test("answers 250 for an unknown UUID and records nothing", async () => {
    const code = randomUUID();
    const info = await send(await compose({ subject: "x", text: "y" }), [`${code}@${DOMAIN}`]);
    expect(info.response).toBe("250 OK");
    expect(await getDb().ping.count()).toBe(0);
    expect(logs).toEqual([`Check not found: ${code}@${DOMAIN}`]);
  });

  test("answers 250 for an ambiguous slug and records nothing", async () => {
    await createCheck({ slug: "twin" });
    await createCheck({ slug: "twin" });
    const info = await send(await compose({ subject: "x", text: "y" }), [`${PING_KEY}+twin@${DOMAIN}`]);
    expect(info.response).toBe("250 OK");
    expect(await getDb().ping.count()).toBe(0);
    expect(logs).toEqual([`Ambiguous slug: ${PING_KEY}+twin@${DOMAIN}`]);
  });

  test("refuses a message over the size limit with 552", async () => {
    const check = await createCheck();
    // Built by hand: having nodemailer encode 10 MB takes seconds.
    const line = "y".repeat(998) + "\r\n";
    const raw = Buffer.from("Subject: big\r\n\r\n" + line.repeat(Math.ceil(MAX_MESSAGE_SIZE / line.length)));
    await expect(send(raw, [`${check.code}@${DOMAIN}`])).rejects.toMatchObject({ responseCode: 552 });
    expect(await pingsOf(check.id)).toHaveLength(0);
  });
}, { PING_EMAIL_DOMAIN: DOMAIN });
