// `vigil agent add|list|revoke` as an operator runs them: child processes on a fresh SQLite database.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, expect, test } from "vitest";
import { createTestDatabase } from "../helpers/databases";

const root = path.resolve(import.meta.dirname, "..", "..");
const bin = path.join(root, "bin", "vigil.mjs");
let env: Record<string, string>;

function vigil(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", timeout: 60_000 });
}

beforeAll(async () => {
  env = { DATABASE_URL: await createTestDatabase("sqlite"), SECRET_KEY: "agent-cli-test-key-0123456789abcdef0123456789" };
});

test("agent add prints the token alone on the last line; list shows the agent; revoke marks it revoked", () => {
  const added = vigil(["agent", "add", "--region", "eu-west", "--name", "fra-1"]);
  expect(added.stderr).toBe("");
  expect(added.status).toBe(0);
  const lines = added.stdout.trimEnd().split("\n");
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.at(-1)).toMatch(/^vga_[A-Za-z0-9_-]{43}$/);
  const id = /Added agent ([0-9a-f-]{36})/.exec(added.stdout)![1];

  const listed = vigil(["agent", "list", "--json"]);
  expect(listed.status).toBe(0);
  expect(JSON.parse(listed.stdout)).toMatchObject([{ code: id, region: "eu-west", name: "fra-1", revokedAt: null, isStale: true }]);
  expect(listed.stdout).not.toContain(lines.at(-1));

  expect(vigil(["agent", "revoke", id]).status).toBe(0);
  expect(vigil(["agent", "list"]).stdout).toMatch(/eu-west\s+fra-1.*revoked/);
});

test("a bad region, a missing one and an unknown agent are refused with a message", () => {
  expect(vigil(["agent", "add", "--region", "local"]).stderr).toContain('region "local" is the server itself');
  const missing = vigil(["agent", "add"]);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain("agent add needs --region");
  expect(vigil(["agent", "revoke", "00000000-0000-4000-8000-000000000000"]).stderr).toContain("agent not found");
});
