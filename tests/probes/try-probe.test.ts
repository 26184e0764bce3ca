// The setup form's "Test": an unsaved probe run once for a project's writers, nothing stored.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { userActor } from "../../lib/auth/actor";
import { getDb } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { tryProbe } from "../../lib/probes/try-probe";
import { createFixtures } from "../fixtures";
import { forEachDatabase, resetDatabase } from "../helpers/databases";

let server: http.Server;
let url: string;
let hits = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits++;
    if (req.url === "/slow") return void setTimeout(() => res.end("late"), 3_000);
    res.writeHead(req.url === "/broken" ? 500 : 200, { "Content-Type": "text/plain" });
    res.end("hello");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

forEachDatabase(() => {
  let fx: Awaited<ReturnType<typeof createFixtures>>;
  beforeEach(async () => {
    await resetDatabase();
    fx = await createFixtures();
  });

  test("the owner and a member run a probe once and get its result and timings, with nothing stored", async () => {
    for (const user of [fx.alice, fx.bob]) {
      const { config, result } = await tryProbe({ actor: userActor(user.id), projectCode: fx.project.code, probe: { type: "http", url: `${url}/` } });
      expect(config.interval).toBe(60);
      expect(result.status).toBe("healthy");
      expect(result.http_status).toBe(200);
      expect(result.attempts[0]?.timings.ttfb_ms).not.toBeNull();
    }
    expect(await getDb().probeResult.count()).toBe(0);
    expect(await getDb().check.count()).toBe(0);
  });

  test("a failing target is a down result, not an error", async () => {
    const { result } = await tryProbe({ actor: userActor(fx.alice.id), projectCode: fx.project.code, probe: { type: "http", url: `${url}/broken` } });
    expect(result.status).toBe("down");
    expect(result.http_status).toBe(500);
  });

  test("someone without access to the project is refused before anything is contacted", async () => {
    const before = hits;
    await expect(tryProbe({ actor: userActor(fx.charlie.id), projectCode: fx.project.code, probe: { type: "http", url: `${url}/` } })).rejects.toMatchObject({ code: "not_found" });
    expect(hits).toBe(before);
  });

  test("a bad probe names the field at fault", async () => {
    const err = await tryProbe({ actor: userActor(fx.alice.id), projectCode: fx.project.code, probe: { type: "http", url: "" } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).field).toBe("probe.url");
  });

  test("a test stops at its time limit however many attempts the probe has, and says so", async () => {
    const { result } = await tryProbe({
      actor: userActor(fx.alice.id),
      projectCode: fx.project.code,
      probe: { type: "http", url: `${url}/slow`, attempts: 10, timeout: 60 },
      limitMs: 300,
    });
    expect(result.status).toBe("down");
    expect(result.attempts).toHaveLength(1);
    expect(result.error).toMatch(/timeout|timed out|abort/i);
  });
});
