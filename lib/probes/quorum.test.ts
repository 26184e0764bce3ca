// A round's verdict as a table: the check's regions, quorum and each region's run in; the
// verdict, failing and silent regions and the summary line out.
import { describe, expect, test } from "vitest";
import { getRegionVerdicts, getRoundUserAgent, isRoundComplete, judgeRound, readRoundPing, type RoundJudgement } from "./quorum";
import type { ProbeVerdict } from "./types";

const THREE = ["us-east", "eu-west", "ap-south"];
type Results = Record<string, ProbeVerdict | null>;

describe("judgeRound", () => {
  test.each<[string, string[], number, Results, Omit<RoundJudgement, "regions">]>([
    [
      "every region up is healthy",
      THREE, 2, { "us-east": "healthy", "eu-west": "healthy", "ap-south": "healthy" },
      { verdict: "healthy", failing: [], noData: [], summary: "up in us-east, eu-west, ap-south" },
    ],
    [
      "one failing region under the quorum is degraded, and named",
      THREE, 2, { "us-east": "down", "eu-west": "healthy", "ap-south": "healthy" },
      { verdict: "degraded", failing: ["us-east"], noData: [], summary: "down in us-east; up in eu-west, ap-south" },
    ],
    [
      "failing regions reaching the quorum make it down",
      THREE, 2, { "us-east": "down", "eu-west": "down", "ap-south": "healthy" },
      { verdict: "down", failing: ["us-east", "eu-west"], noData: [], summary: "down in us-east, eu-west (quorum 2 of 3); up in ap-south" },
    ],
    [
      "a quorum of one makes any failing region down",
      THREE, 1, { "us-east": "healthy", "eu-west": "down", "ap-south": "healthy" },
      { verdict: "down", failing: ["eu-west"], noData: [], summary: "down in eu-west (quorum 1 of 3); up in us-east, ap-south" },
    ],
    [
      "a slow region makes it degraded without failing",
      THREE, 2, { "us-east": "healthy", "eu-west": "degraded", "ap-south": "healthy" },
      { verdict: "degraded", failing: [], noData: [], summary: "degraded in eu-west; up in us-east, ap-south" },
    ],
    [
      "a silent region is no data, not failing",
      THREE, 2, { "us-east": "healthy", "eu-west": "healthy" },
      { verdict: "healthy", failing: [], noData: ["ap-south"], summary: "up in us-east, eu-west; no data from ap-south" },
    ],
    [
      "silent regions never count toward the quorum",
      THREE, 2, { "us-east": "down", "eu-west": null },
      { verdict: "degraded", failing: ["us-east"], noData: ["eu-west", "ap-south"], summary: "down in us-east; no data from eu-west, ap-south" },
    ],
    [
      "no region reporting is no data",
      THREE, 2, {},
      { verdict: "nodata", failing: [], noData: THREE, summary: "no data from us-east, eu-west, ap-south" },
    ],
    [
      "a single region judges as its run does",
      ["local"], 1, { local: "down" },
      { verdict: "down", failing: ["local"], noData: [], summary: "down in local (quorum 1 of 1)" },
    ],
    [
      "results of regions the check does not list are ignored",
      ["local", "eu-west"], 2, { local: "healthy", "eu-west": "healthy", "us-east": "down" },
      { verdict: "healthy", failing: [], noData: [], summary: "up in local, eu-west" },
    ],
  ])("%s", (_name, regions, quorum, results, expected) => {
    const judged = judgeRound({ regions, quorum, results });
    expect(judged).toMatchObject(expected);
    expect(Object.keys(judged.regions)).toEqual(regions);
  });

  test("keeps each region's run, null for no data", () => {
    expect(judgeRound({ regions: THREE, quorum: 2, results: { "us-east": "down" } }).regions).toEqual({
      "us-east": "down",
      "eu-west": null,
      "ap-south": null,
    });
  });
});

describe("isRoundComplete", () => {
  const live = new Set(["local", "eu-west"]);
  test.each<[string, string[], boolean]>([
    ["every live region reported", ["local", "eu-west"], true],
    ["a live region is still missing", ["local"], false],
    ["a region without a live agent is not waited for", ["local", "eu-west"], true],
  ])("%s", (_name, reported, expected) => {
    expect(isRoundComplete(["local", "eu-west", "ap-south"], live, new Set(reported))).toBe(expected);
  });
});

describe("getRegionVerdicts", () => {
  test("takes the worse run when a region ran the round twice", () => {
    expect(
      getRegionVerdicts([
        { region: "eu-west", status: "healthy" },
        { region: "eu-west", status: "down" },
        { region: "eu-west", status: "degraded" },
        { region: "local", status: "degraded" },
      ]),
    ).toEqual({ "eu-west": "down", local: "degraded" });
  });
});

describe("readRoundPing", () => {
  test("reads back the verdict of every kind of round from its ping", () => {
    const rounds: Results[] = [
      { "us-east": "healthy", "eu-west": "healthy", "ap-south": "healthy" },
      { "us-east": "down", "eu-west": "healthy", "ap-south": "healthy" },
      { "us-east": "healthy", "eu-west": "degraded", "ap-south": null },
      { "us-east": "down", "eu-west": "down", "ap-south": "healthy" },
      { "us-east": "healthy", "eu-west": null, "ap-south": null },
    ];
    for (const results of rounds) {
      const judged = judgeRound({ regions: THREE, quorum: 2, results });
      const kind = judged.verdict === "down" ? "fail" : "success";
      expect(readRoundPing(getRoundUserAgent(THREE.length), kind, judged.summary), judged.summary).toBe(judged.verdict);
    }
  });

  test("is null for any other ping, a single region's probe run included", () => {
    expect(readRoundPing("Vigil probe (local)", "success", "HTTP 200 in 12 ms")).toBeNull();
    expect(readRoundPing("curl/8.5.0", "success", "down in eu-west")).toBeNull();
  });
});
