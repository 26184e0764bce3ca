// A degraded check counts as up wherever Healthchecks knows only up and down: badges (two and
// three states), the Prometheus export's hc_check_up and hc_tag_up, and the checks API's status.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, test } from "vitest";
import { handleBadgeRequest } from "../../lib/badges/handle-badge-request";
import { summarizeBadgeStatuses } from "../../lib/badges/render";
import { getCheckBadgeUrl } from "../../lib/badges/urls";
import { getDb } from "../../lib/db";
import { getProjectMetrics, renderProjectMetrics } from "../../lib/metrics/project-metrics";
import { createApiKey } from "../../lib/projects/create-api-key";
import { SYSTEM } from "../../lib/auth/actor";
import { createCheck, createFixtures } from "../fixtures";
import { forEachDatabase, resetDatabase } from "../helpers/databases";

describe("pure views", () => {
  test.each([
    [["degraded"], true, { status: "up", total: 1, grace: 0, down: 0 }],
    [["degraded", "up"], false, { status: "up", total: 2, grace: 0, down: 0 }],
    [["degraded", "grace"], true, { status: "late", total: 2, grace: 1, down: 0 }],
    [["degraded", "down"], false, { status: "down", total: 2, grace: 0, down: 1 }],
  ] as const)("badges summarise %j (late shown: %s) as %j", (statuses, withLate, expected) => {
    expect(summarizeBadgeStatuses(statuses, withLate)).toEqual(expected);
  });

  test("the Prometheus export reports a degraded check as up, and its tags as up", () => {
    const body = renderProjectMetrics([{ name: "site", tags: "web", uniqueKey: "k", status: "degraded", started: false }]);
    expect(body).toContain('hc_check_up{name="site", tags="web", unique_key="k"} 1\n');
    expect(body).toContain('hc_check_grace{name="site", tags="web", unique_key="k"} 0\n');
    expect(body).toContain('hc_tag_up{tag="web"} 1\n');
    expect(body).toContain("hc_checks_down_total 0\n");
  });
});

forEachDatabase(() => {
  let projectId: number;
  beforeEach(async () => {
    await resetDatabase();
    ({ project: { id: projectId } } = await createFixtures());
  });

  test("a degraded check's badge is up in two and three states", async () => {
    const check = await createCheck(projectId, { status: "degraded", lastPing: new Date(), timeout: 60, grace: 60, badgeKey: randomUUID() });
    for (const states of [2, 3] as const) {
      const res = await handleBadgeRequest(new Request(getCheckBadgeUrl(check.badgeKey, states, "json")));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "up", total: 1, grace: 0, down: 0 });
    }
  });

  test("the project's Prometheus endpoint counts a degraded check as up", async () => {
    await createCheck(projectId, { name: "site", status: "degraded", lastPing: new Date(), timeout: 60, grace: 60 });
    const project = await getDb().project.findUniqueOrThrow({ where: { id: projectId } });
    const key = await createApiKey({ actor: SYSTEM, projectCode: project.code, readOnly: true });
    const { status, body } = await getProjectMetrics(key);
    expect(status).toBe(200);
    expect(body).toMatch(/^hc_check_up\{name="site".*\} 1$/m);
  });

  test("a degraded check with no run for its interval and grace is down everywhere", async () => {
    await createCheck(projectId, { name: "site", status: "degraded", lastPing: new Date(Date.now() - 10 * 60_000), timeout: 60, grace: 60 });
    const project = await getDb().project.findUniqueOrThrow({ where: { id: projectId } });
    const key = await createApiKey({ actor: SYSTEM, projectCode: project.code, readOnly: true });
    expect((await getProjectMetrics(key)).body).toMatch(/^hc_check_up\{name="site".*\} 0$/m);
  });
});
