// SECRET_KEY: a published example value stops start-up; no value at all gets a random key kept
// in the data folder, shared by every process of the install.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { parseEnv } from "../../lib/env";

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-secret-key-"));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe("SECRET_KEY", () => {
  test.each(["---", "change-me", " change-me "])("refuses the example value %j, naming the variable", (value) => {
    expect(() => parseEnv({ SECRET_KEY: value }, root)).toThrow(/^SECRET_KEY: .*example/);
  });

  test("refuses an example value read from SECRET_KEY_FILE too", () => {
    const file = path.join(root, "key");
    fs.writeFileSync(file, "change-me\n");
    expect(() => parseEnv({ SECRET_KEY_FILE: file }, root)).toThrow(/^SECRET_KEY: /);
  });

  test("uses a value that is set", () => {
    expect(parseEnv({ SECRET_KEY: "a-long-random-value" }, root).secretKey).toBe("a-long-random-value");
    expect(fs.existsSync(path.join(root, "data", "secret_key"))).toBe(false);
  });

  test("unset, makes a random key in the data folder (mode 0600) and keeps using it", () => {
    const first = parseEnv({}, root).secretKey;
    const file = path.join(root, "data", "secret_key");
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fs.readFileSync(file, "utf8").trim()).toBe(first);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(parseEnv({}, root).secretKey).toBe(first);
    expect(fs.readdirSync(path.dirname(file))).toEqual(["secret_key"]);
  });

  test("keeps the key next to the SQLite file, and in ./data for PostgreSQL", () => {
    const sqlite = parseEnv({ DATABASE_URL: `file:${path.join(root, "db", "vigil.sqlite")}` }, root).secretKey;
    expect(fs.readFileSync(path.join(root, "db", "secret_key"), "utf8").trim()).toBe(sqlite);
    const pg = parseEnv({ DATABASE_URL: "postgresql://vigil@127.0.0.1/vigil" }, root).secretKey;
    expect(fs.readFileSync(path.join(root, "data", "secret_key"), "utf8").trim()).toBe(pg);
  });

  test("two installs get different keys", () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-secret-key-"));
    try {
      expect(parseEnv({}, root).secretKey).not.toBe(parseEnv({}, other).secretKey);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  test("a damaged key file stops start-up naming SECRET_KEY", () => {
    fs.mkdirSync(path.join(root, "data"));
    fs.writeFileSync(path.join(root, "data", "secret_key"), "short\n");
    expect(() => parseEnv({}, root)).toThrow(/^SECRET_KEY: .*secret_key/);
  });

  test("processes starting together all end up with the same key", async () => {
    const envModule = path.resolve(import.meta.dirname, "../../lib/env.ts");
    const script = `import { parseEnv } from ${JSON.stringify(envModule)}; console.log(parseEnv({}, ${JSON.stringify(root)}).secretKey);`;
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
        let out = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.on("exit", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`exit ${code}`))));
      });
    const keys = await Promise.all(Array.from({ length: 6 }, run));
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBe(fs.readFileSync(path.join(root, "data", "secret_key"), "utf8").trim());
  });
});
