import { beforeEach, expect, test } from "vitest";
import { createAgent } from "../../lib/agents/create-agent";
import { clearRegionChecksCache } from "../../lib/agents/probe-checks";
import { listAgents } from "../../lib/agents/queries";
import { revokeAgent } from "../../lib/agents/revoke-agent";
import { SYSTEM, userActor } from "../../lib/auth/actor";
import { getDb } from "../../lib/db";
import { isInstanceAdmin } from "../../lib/env";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createFixtures } from "../fixtures";
import { createProbeCheck, sampleResult, setLastSeen } from "./fixtures";
import { submitProbeResults } from "../../lib/pings/submit-probe-result";
import { AGENT_LIVE_MS } from "../../lib/agents/liveness";

forEachDatabase(
  () => {
    let fx: Awaited<ReturnType<typeof createFixtures>>;

    beforeEach(async () => {
      await resetDatabase();
      clearRegionChecksCache();
      fx = await createFixtures();
    });

    test("ADMIN_EMAILS names the instance administrators, case-insensitively", () => {
      expect(isInstanceAdmin("alice@example.org")).toBe(true);
      expect(isInstanceAdmin("ALICE@example.org")).toBe(true);
      expect(isInstanceAdmin("bob@example.org")).toBe(false);
      expect(isInstanceAdmin("")).toBe(false);
    });

    test("an instance administrator and the system add agents; a member and an outsider are refused", async () => {
      const { token, agent } = await createAgent({ actor: userActor(fx.alice.id), region: "eu-west", name: "fra-1" });
      expect(token).toMatch(/^vga_/);
      expect(agent).toMatchObject({ region: "eu-west", name: "fra-1", revokedAt: null });
      await expect(createAgent({ actor: SYSTEM, region: "us-east" })).resolves.toBeTruthy();
      for (const user of [fx.bob, fx.charlie]) {
        await expect(createAgent({ actor: userActor(user.id), region: "eu-west" })).rejects.toMatchObject({ code: "forbidden" });
        await expect(listAgents({ actor: userActor(user.id) })).rejects.toMatchObject({ code: "forbidden" });
        await expect(revokeAgent({ actor: userActor(user.id), agentCode: agent.code })).rejects.toMatchObject({ code: "forbidden" });
      }
      await expect(createAgent({ actor: { type: "agent", agentId: agent.id }, region: "eu-west" })).rejects.toMatchObject({ code: "forbidden" });
      expect(await getDb().agent.count()).toBe(2);
    });

    test.each([["EU West"], ["-eu"], ["local"], ["a".repeat(41)], [""]])("the region %j is refused as probes would refuse it", async (region) => {
      await expect(createAgent({ actor: SYSTEM, region })).rejects.toMatchObject({ code: "bad_request", field: "region" });
    });

    test("revoking keeps the row and its date; an unknown agent is not found", async () => {
      const { agent } = await createAgent({ actor: SYSTEM, region: "eu-west" });
      const revoked = await revokeAgent({ actor: userActor(fx.alice.id), agentCode: agent.code });
      expect(revoked.revokedAt).not.toBeNull();
      expect((await revokeAgent({ actor: SYSTEM, agentCode: agent.code })).revokedAt).toEqual(revoked.revokedAt);
      await expect(revokeAgent({ actor: SYSTEM, agentCode: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "not_found" });
    });

    test("the list shows runs per minute, checks assigned, and a stale mark after three silent polls", async () => {
      const live = await createAgent({ actor: SYSTEM, region: "eu-west", name: "live" });
      const silent = await createAgent({ actor: SYSTEM, region: "eu-west", name: "silent" });
      await setLastSeen(live.agent.id, 1000);
      await setLastSeen(silent.agent.id, AGENT_LIVE_MS + 1000);
      const checks = [await createProbeCheck(fx.project.id, ["eu-west"]), await createProbeCheck(fx.project.id, ["eu-west", "us-east"])];
      const now = Date.now();
      await submitProbeResults(
        [0, 1, 2, 3, 4].map((i) => {
          const r = sampleResult(checks[0].code, now - i * 30_000);
          return {
            checkCode: r.check,
            result: { ...r.result, region: "eu-west", date: new Date(r.result.date), cert_expires: null },
            round: new Date(r.due),
            agentId: live.agent.id,
            resultKey: r.id,
            receivedAt: new Date(),
          };
        }),
      );
      const rows = await listAgents({ actor: userActor(fx.alice.id) });
      expect(rows.map((r) => [r.name, r.isStale, r.checksAssigned, r.runsPerMinute])).toEqual([
        ["live", false, 2, 1],
        ["silent", true, 0, 0],
      ]);
    });
  },
  { ADMIN_EMAILS: "Alice@example.org, root@example.org" },
);
