import { describe, expect, test } from "vitest";
import { decodeEntities, getEmailText, htmlToText, parseRecipient, type Recipient } from "./message";

const DOMAIN = "hc.example.org";
const UUID = "6ba2a3b0-5d1b-4c34-9a6e-3f0b6f7b1c2d";
const KEY = "abcdefghijklmnopqrstuv"; // 22 characters

const cases: [string, string, Recipient][] = [
  ["a v4 UUID mailbox", `${UUID}@${DOMAIN}`, { code: UUID }],
  ["an uppercase UUID, lowercased for lookup", `${UUID.toUpperCase()}@${DOMAIN}`, { code: UUID }],
  ["the domain in another case", `${UUID}@HC.Example.ORG`, { code: UUID }],
  ["each UUID variant 8, 9, a, b", `6ba2a3b0-5d1b-4c34-bA6e-3f0b6f7b1c2d@${DOMAIN}`, { code: "6ba2a3b0-5d1b-4c34-ba6e-3f0b6f7b1c2d" }],
  ["a ping key and slug", `${KEY}+db-backup_2@${DOMAIN}`, { pingKey: KEY, slug: "db-backup_2" }],
  ["a mixed-case ping key, kept as given", `AbC-_efghijklmnopqrstu+x@${DOMAIN}`, { pingKey: "AbC-_efghijklmnopqrstu", slug: "x" }],
  ["another domain", `${UUID}@example.org`, { error: "domain" }],
  ["a subdomain of the ping domain", `${UUID}@mail.${DOMAIN}`, { error: "domain" }],
  ["no domain at all", UUID, { error: "domain" }],
  ["an empty address", "", { error: "domain" }],
  ["a UUID that is not version 4", `6ba2a3b0-5d1b-1c34-9a6e-3f0b6f7b1c2d@${DOMAIN}`, { error: "mailbox" }],
  ["a UUID with a bad variant", `6ba2a3b0-5d1b-4c34-7a6e-3f0b6f7b1c2d@${DOMAIN}`, { error: "mailbox" }],
  ["Healthchecks' literal '|' variant", `6ba2a3b0-5d1b-4c34-|a6e-3f0b6f7b1c2d@${DOMAIN}`, { error: "mailbox" }],
  ["a UUID without dashes", `6ba2a3b05d1b4c349a6e3f0b6f7b1c2d@${DOMAIN}`, { error: "mailbox" }],
  ["a UUID with a suffix", `${UUID}x@${DOMAIN}`, { error: "mailbox" }],
  ["an uppercase slug", `${KEY}+Backup@${DOMAIN}`, { error: "mailbox" }],
  ["a 21-character ping key", `${KEY.slice(1)}+backup@${DOMAIN}`, { error: "mailbox" }],
  ["a 23-character ping key", `${KEY}x+backup@${DOMAIN}`, { error: "mailbox" }],
  ["an empty slug", `${KEY}+@${DOMAIN}`, { error: "mailbox" }],
  ["a slug with a dot", `${KEY}+db.backup@${DOMAIN}`, { error: "mailbox" }],
  ["an ordinary mailbox", `postmaster@${DOMAIN}`, { error: "mailbox" }],
  ["an empty mailbox", `@${DOMAIN}`, { error: "mailbox" }],
];

describe("parseRecipient", () => {
  test.each(cases)("maps %s", (_name, address, expected) => {
    expect(parseRecipient(address, DOMAIN)).toEqual(expected);
  });

  test("uses the last @ to find the domain", () => {
    expect(parseRecipient(`"a@b"@${DOMAIN}`, DOMAIN)).toEqual({ error: "mailbox" });
    expect(parseRecipient(`${UUID}@${DOMAIN}@evil.example`, DOMAIN)).toEqual({ error: "domain" });
  });

  test("accepts the default localhost domain", () => {
    expect(parseRecipient(`${UUID}@localhost`, "localhost")).toEqual({ code: UUID });
  });
});

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

describe("htmlToText", () => {
  test.each([
    ["plain text passes through", "Backup OK", "Backup OK"],
    ["inline tags vanish", "Backup <b>completed</b> in <i>3 s</i>", "Backup completed in 3 s"],
    ["source line breaks and runs of spaces collapse", "Backup\n   completed\t\tfine", "Backup completed fine"],
    ["block elements end lines", "<div>Job: nightly</div><p>Status: FAILED</p>", "Job: nightly\nStatus: FAILED"],
    ["<br> ends a line", "one<br>two<br/>three<BR />four", "one\ntwo\nthree\nfour"],
    ["headings and list items end lines", "<h1>Report</h1><ul><li>a</li><li>b</li></ul>", "Report\na\nb"],
    ["table cells are separated by spaces, rows by lines", "<table><tr><td>Status:</td><td>OK</td></tr><tr><th>Took</th><td>3 s</td></tr></table>", "Status: OK\nTook 3 s"],
    ["scripts and styles are dropped with their content", "<style>p { color: red }</style><p>Hi</p><script type='x'>if (a < b) fail()</script>", "Hi"],
    ["an unclosed script runs to the end", "<p>Hi</p><script>fail()", "Hi"],
    ["comments are dropped", "<p>Hi<!-- FAILED --></p><!-- unclosed FAILED", "Hi"],
    ["doctype and xml declarations are dropped", '<?xml version="1.0"?><!DOCTYPE html><html><body>Hi</body></html>', "Hi"],
    ["title text is kept, as in Healthchecks", "<html><head><title>Backup report</title></head><body><p>OK</p></body></html>", "Backup report\nOK"],
    ["a quoted > inside an attribute does not end the tag", '<a title="a > b" href="x">link</a>', "link"],
    ["a lone < in text is kept", "<p>3 < 5 and 5 > 3</p>", "3 < 5 and 5 > 3"],
    ["entities are decoded after tags are removed", "<p>&lt;b&gt;not bold&lt;/b&gt; &amp; more</p>", "<b>not bold</b> & more"],
    ["&nbsp; is a space", "Backup&nbsp;&nbsp;completed", "Backup completed"],
    ["empty blocks leave no empty lines", "<div>\n  <p>a</p>\n\n  <p> </p><p>b</p>\n</div>", "a\nb"],
    ["an empty document is empty text", "", ""],
  ])("%s", (_name, html, expected) => {
    expect(htmlToText(html)).toBe(expected);
  });
});

describe("decodeEntities", () => {
  test.each([
    ["&amp; &lt; &gt; &quot; &apos;", "& < > \" '"],
    ["&#65;&#x42;&#X43;", "ABC"],
    ["&#128512;", "😀"],
    ["&hellip;&mdash;&euro;", "…—€"],
    ["&amp;lt; decodes once", "&lt; decodes once"],
    ["&unknown; and &amp without a semicolon", "&unknown; and &amp without a semicolon"],
    ["&#0;&#xD800;&#x110000;", "\uFFFD\uFFFD\uFFFD"],
  ])("decodes %j", (input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });
});
