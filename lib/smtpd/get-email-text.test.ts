import { describe, expect, test } from "vitest";
import { getEmailText } from "./get-email-text";

function message(lines: string[]): Buffer {
  return Buffer.from(lines.join("\r\n"));
}

describe("getEmailText", () => {
  test("reads a text/plain message", async () => {
    const raw = message(["Subject: Backup done", "Content-Type: text/plain; charset=utf-8", "", "All good", ""]);
    expect(await getEmailText(raw)).toEqual({ subject: "Backup done", text: "All good\n" });
  });

  test("renders an HTML-only message once, without a generated plain part", async () => {
    const raw = message(["Subject: Report", "Content-Type: text/html", "", "<p>Backup</p><p>completed</p>", ""]);
    expect(await getEmailText(raw)).toEqual({ subject: "Report", text: "Backup\ncompleted" });
  });

  test("joins the text and HTML alternatives with a newline", async () => {
    const raw = message([
      "Subject: Report",
      'Content-Type: multipart/alternative; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain",
      "",
      "plain words",
      "--b",
      "Content-Type: text/html",
      "",
      "<b>html words</b>",
      "--b--",
      "",
    ]);
    expect(await getEmailText(raw)).toEqual({ subject: "Report", text: "plain words\nhtml words" });
  });

  test("decodes encoded-word subjects and quoted-printable bodies in their charset", async () => {
    const raw = message([
      "Subject: =?UTF-8?B?4pyFIFNhdXZlZ2FyZGUgcsOpdXNzaWU=?=",
      "Content-Type: text/plain; charset=iso-8859-1",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "Sauvegarde r=E9ussie",
      "",
    ]);
    expect(await getEmailText(raw)).toEqual({ subject: "✅ Sauvegarde réussie", text: "Sauvegarde réussie\n" });
  });

  test("leaves attachments out of the text", async () => {
    const raw = message([
      "Subject: Log",
      'Content-Type: multipart/mixed; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain",
      "",
      "see attached",
      "--b",
      "Content-Type: text/plain",
      'Content-Disposition: attachment; filename="job.log"',
      "",
      "ERROR in attachment",
      "--b--",
      "",
    ]);
    expect(await getEmailText(raw)).toEqual({ subject: "Log", text: "see attached" });
  });

  test("gives empty strings for a message without subject or body", async () => {
    expect(await getEmailText(message(["From: cron@example.org", "", ""]))).toEqual({ subject: "", text: "" });
  });
});
