import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { countShares, getAgentShare, pickAgent } from "./split";

const checks = Array.from({ length: 3000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
const agents = ["a1", "a2", "a3", "a4"].map((n) => `${n}-${"0".repeat(30)}`);

describe("rendezvous split", () => {
  test("every check goes to exactly one agent, and the shares add up", () => {
    const shares = agents.map((a) => getAgentShare(a, agents, checks));
    expect(shares.reduce((n, s) => n + s.length, 0)).toBe(checks.length);
    expect(new Set(shares.flat()).size).toBe(checks.length);
  });

  test("is balanced: each of four agents gets a quarter, give or take 10%", () => {
    for (const [, n] of countShares(agents, checks)) {
      expect(n).toBeGreaterThan(750 * 0.9);
      expect(n).toBeLessThan(750 * 1.1);
    }
  });

  test("is stable: the order agents are listed in changes nothing", () => {
    const reversed = [...agents].reverse();
    for (const c of checks.slice(0, 200)) expect(pickAgent(reversed, c)).toBe(pickAgent(agents, c));
  });

  test("removing an agent moves only its checks", () => {
    const [gone, ...rest] = agents;
    for (const c of checks) {
      const before = pickAgent(agents, c);
      if (before !== gone) expect(pickAgent(rest, c)).toBe(before);
    }
  });

  test("adding an agent moves only the checks it takes, about 1/n of them", () => {
    const added = [...agents, randomUUID()];
    let moved = 0;
    for (const c of checks) {
      const before = pickAgent(agents, c);
      const after = pickAgent(added, c);
      if (after !== before) {
        expect(after).toBe(added[4]);
        moved++;
      }
    }
    expect(moved).toBeGreaterThan((checks.length / 5) * 0.85);
    expect(moved).toBeLessThan((checks.length / 5) * 1.15);
  });

  test("an agent asking counts itself in even when the live list lacks it", () => {
    const me = "new-agent";
    expect(getAgentShare(me, [], checks.slice(0, 10))).toEqual(checks.slice(0, 10));
    expect(getAgentShare(me, agents, checks)).toEqual(getAgentShare(me, [...agents, me], checks));
  });

  test("no agents: nobody gets the check", () => {
    expect(pickAgent([], checks[0])).toBeNull();
  });
});
