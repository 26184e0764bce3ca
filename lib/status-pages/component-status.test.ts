import { describe, expect, test } from "vitest";
import type { CheckStatus } from "../checks/status";
import { componentStatusFromCheck, getComponentStatus, getPageStatus } from "./component-status";
import type { ComponentStatus, Impact } from "./types";

describe("componentStatusFromCheck", () => {
  test.each<[CheckStatus, boolean, ComponentStatus]>([
    ["up", false, "operational"],
    ["grace", false, "operational"],
    ["new", false, "operational"],
    ["started", false, "operational"],
    ["degraded", false, "degraded_performance"],
    ["degraded", true, "partial_outage"],
    ["down", false, "major_outage"],
    ["down", true, "major_outage"],
    ["paused", false, "under_maintenance"],
  ])("a %s check (partial=%s) shows %s", (check, partial, expected) => {
    expect(componentStatusFromCheck(check, partial)).toBe(expected);
  });
});

describe("getComponentStatus", () => {
  test.each<[string, CheckStatus, boolean, ComponentStatus[], ComponentStatus]>([
    ["an up check with nothing going on is operational", "up", false, [], "operational"],
    ["a down check in a maintenance window shows under maintenance", "down", true, [], "under_maintenance"],
    ["an incident's status raises an up check", "up", false, ["partial_outage"], "partial_outage"],
    ["the worst incident status wins", "up", false, ["degraded_performance", "major_outage"], "major_outage"],
    ["an incident never lowers a down check", "down", false, ["degraded_performance"], "major_outage"],
    ["an incident during maintenance that says degraded shows degraded", "up", true, ["degraded_performance"], "degraded_performance"],
    ["an incident that says operational changes nothing", "degraded", false, ["operational"], "degraded_performance"],
  ])("%s", (_name, check, inMaintenance, incidentStatuses, expected) => {
    expect(getComponentStatus({ checkStatus: check, inMaintenance, incidentStatuses })).toBe(expected);
  });

  test("a check degraded by failing probe regions is a partial outage, not slowness", () => {
    expect(getComponentStatus({ checkStatus: "degraded", partialOutage: true, inMaintenance: false, incidentStatuses: [] })).toBe("partial_outage");
    expect(getComponentStatus({ checkStatus: "degraded", partialOutage: true, inMaintenance: true, incidentStatuses: [] })).toBe("under_maintenance");
  });
});

describe("getPageStatus", () => {
  const O = "operational", D = "degraded_performance", P = "partial_outage", M = "major_outage", U = "under_maintenance";
  test.each<[ComponentStatus[], Impact[], string, string]>([
    [[O, O], [], "none", "All Systems Operational"],
    [[], [], "none", "All Systems Operational"],
    [[O, U], [], "none", "Service Under Maintenance"],
    [[O, D], [], "minor", "Partially Degraded Service"],
    [[D, D], [], "minor", "Degraded System Service"],
    [[O, P], [], "minor", "Minor Service Outage"],
    [[P, P], [], "major", "Partial System Outage"],
    [[O, M], [], "major", "Partial System Outage"],
    [[M, M], [], "critical", "Major System Outage"],
    [[O, O], ["minor"], "minor", "Minor Service Outage"],
    [[O, O], ["major"], "major", "Partial System Outage"],
    [[O, O], ["critical", "none"], "critical", "Major System Outage"],
    [[O, O], ["none"], "none", "All Systems Operational"],
    [[M, M], ["minor"], "critical", "Major System Outage"],
    [[O, U], ["major"], "major", "Partial System Outage"],
  ])("components %j with incidents %j read %s: %s", (components, impacts, indicator, description) => {
    expect(getPageStatus(components, impacts)).toEqual({ indicator, description });
  });

  test("the indicator is never maintenance", () => {
    for (const s of [["under_maintenance"], ["under_maintenance", "under_maintenance"]] as ComponentStatus[][]) {
      expect(["none", "minor", "major", "critical"]).toContain(getPageStatus(s, []).indicator);
    }
  });
});
