import { describe, expect, test } from "vitest";
import { parseRecipient, type Recipient } from "./parse-recipient";

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
