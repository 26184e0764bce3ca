// The per-project Prometheus export with active checks: Vigil's two probe families come after
// Healthchecks' families, and a project without active checks gets Healthchecks' body unchanged.
import { beforeEach, expect, test } from "vitest";
import { SYSTEM } from "../../lib/auth/actor";
import { getDb } from "../../lib/db";
import { getProjectMetrics, renderProjectMetrics } from "../../lib/metrics/project-metrics";
import { createApiKey } from "../../lib/projects/create-api-key";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createCheck, createFixtures } from "../fixtures";

forEachDatabase(() => {
  let projectId: number;
  let key: string;
  beforeEach(async () => {
    await resetDatabase();
    const fx = await createFixtures();
    projectId = fx.project.id;
    key = await createApiKey({ actor: SYSTEM, projectCode: fx.project.code, readOnly: true });
  });

  test("a project without active checks gets exactly Healthchecks' families", async () => {
    await createCheck(projectId, { name: "cron", status: "up", lastPing: new Date() });
    const { status, body } = await getProjectMetrics(key);
    expect(status).toBe(200);
    expect(body).not.toContain("vigil_");
    expect(body.endsWith("hc_checks_down_total 0\n")).toBe(true);
  });

  test("active checks add their last round trip and certificate expiry after Healthchecks' families", async () => {
    const web = await createCheck(projectId, { name: "web", probe: '{"type":"http"}', status: "up", lastPing: new Date() });
    await createCheck(projectId, { name: "never ran", probe: '{"type":"tcp"}' });
    const dns = await createCheck(projectId, { name: "dns", probe: '{"type":"dns"}', status: "down" });
    await getDb().probeResult.createMany({
      data: [
        { checkId: web.id, date: new Date(Date.now() - 60_000), status: "healthy", rttMs: 999, certExpires: new Date("2020-01-01T00:00:00Z") },
        { checkId: web.id, date: new Date(), status: "healthy", rttMs: 123.456, certExpires: new Date("2027-03-04T05:06:07.890Z") },
        { checkId: dns.id, date: new Date(), status: "down", rttMs: 2.5 },
      ],
    });
    const { body } = await getProjectMetrics(key);
    const ext = body.slice(body.indexOf("hc_checks_down_total 1\n") + "hc_checks_down_total 1\n".length);
    // The same labels as the check's hc_check_up line.
    const label = (name: string) => /hc_check_up(\{[^}]*\})/.exec(body.split("\n").find((l) => l.startsWith(`hc_check_up{name="${name}"`))!)![1];
    expect(ext).toBe(
      [
        "",
        "# HELP vigil_probe_response_seconds The round trip of the active check's last run, in seconds.",
        "# TYPE vigil_probe_response_seconds gauge",
        `vigil_probe_response_seconds${label("web")} 0.123456`,
        `vigil_probe_response_seconds${label("dns")} 0.0025`,
        "",
        "# HELP vigil_probe_cert_expiry_timestamp_seconds When the certificate seen by the active check's last run expires, as a Unix timestamp.",
        "# TYPE vigil_probe_cert_expiry_timestamp_seconds gauge",
        `vigil_probe_cert_expiry_timestamp_seconds${label("web")} ${Math.floor(Date.parse("2027-03-04T05:06:07.890Z") / 1000)}`,
        "",
      ].join("\n"),
    );
  });
});

test("without certificates, only the response family is added", () => {
  const body = renderProjectMetrics([{ name: "t", tags: "", uniqueKey: "k", status: "up", started: false, probe: { rttMs: 5, certExpires: null } }]);
  expect(body).toMatch(/hc_checks_down_total 0\n\n# HELP vigil_probe_response_seconds [^\n]+\n# TYPE vigil_probe_response_seconds gauge\nvigil_probe_response_seconds\{name="t", tags="", unique_key="k"\} 0\.005\n$/);
});
