// Network namespaces for multi-region tests: each "region" is a namespace the test makes, joined
// to this one by a veth pair, with a route to one shared target address (on this namespace's
// loopback) that every region probes. Cutting a region off from the target is a route inside its
// namespace ("unreachable", so probes fail at once rather than time out); nothing outside the
// namespaces the test made is touched. Needs root and iproute2 (`ip`); CI runs as root.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";

export interface Region {
  /** The namespace's name (`ip netns exec <name> …`). */
  ns: string;
  /** The address of this namespace's side of the pair, as the region's processes reach it. */
  hostAddress: string;
}

export interface Regions {
  regions: Region[];
  /** An address on this namespace's loopback that every region routes to (the probed "website"). */
  targetAddress: string;
  /** Makes `region` unable to reach the target (immediate EHOSTUNREACH), or reach it again. */
  cutOff(region: Region, cut: boolean): void;
  /** Starts a process inside the region's namespace. */
  spawnIn(region: Region, command: string, args: string[], env?: NodeJS.ProcessEnv): ChildProcess;
  /** Removes every namespace, link and address made. */
  destroy(): void;
}

function ip(...args: string[]): void {
  execFileSync("ip", args, { stdio: ["ignore", "ignore", "pipe"] });
}

/** Whether namespaces can be made here: root with `ip` present. */
export function canUseNamespaces(): boolean {
  if (process.getuid?.() !== 0) return false;
  return spawnSync("ip", ["netns", "list"], { stdio: "ignore" }).status === 0;
}

/**
 * Makes `count` namespaces. Addresses come from 10.231.<tag>.0/24 (one /30 per region) and the
 * target is 10.232.<tag>.1, `tag` random so parallel test files do not collide.
 */
export function createRegions(count: number): Regions {
  const id = randomBytes(3).toString("hex");
  const tag = 1 + (parseInt(id, 16) % 250);
  const targetAddress = `10.232.${tag}.1`;
  const made: { ns: string; link: string }[] = [];
  let targetAdded = false;
  const destroy = () => {
    for (const { ns, link } of made) {
      spawnSync("ip", ["link", "del", link], { stdio: "ignore" });
      spawnSync("ip", ["netns", "del", ns], { stdio: "ignore" });
    }
    if (targetAdded) spawnSync("ip", ["addr", "del", `${targetAddress}/32`, "dev", "lo"], { stdio: "ignore" });
  };
  try {
    ip("addr", "add", `${targetAddress}/32`, "dev", "lo");
    targetAdded = true;
    const regions: Region[] = [];
    for (let i = 0; i < count; i++) {
      const ns = `vigil-${id}-${i}`;
      const link = `vg${id}${i}`;
      const peer = `vp${id}${i}`;
      ip("netns", "add", ns);
      made.push({ ns, link });
      const base = i * 4;
      const hostAddress = `10.231.${tag}.${base + 1}`;
      const nsAddress = `10.231.${tag}.${base + 2}`;
      ip("link", "add", link, "type", "veth", "peer", "name", peer);
      ip("link", "set", peer, "netns", ns);
      ip("addr", "add", `${hostAddress}/30`, "dev", link);
      ip("link", "set", link, "up");
      ip("-n", ns, "addr", "add", `${nsAddress}/30`, "dev", peer);
      ip("-n", ns, "link", "set", peer, "up");
      ip("-n", ns, "link", "set", "lo", "up");
      ip("-n", ns, "route", "add", `${targetAddress}/32`, "via", hostAddress);
      regions.push({ ns, hostAddress });
    }
    return {
      regions,
      targetAddress,
      cutOff(region, cut) {
        const args = ["-n", region.ns, "route", cut ? "replace" : "del", "unreachable", `${targetAddress}/32`];
        if (cut) {
          ip("-n", region.ns, "route", "del", `${targetAddress}/32`);
          ip(...args);
        } else {
          ip(...args);
          ip("-n", region.ns, "route", "add", `${targetAddress}/32`, "via", region.hostAddress);
        }
      },
      spawnIn(region, command, args, env = process.env) {
        return spawn("ip", ["netns", "exec", region.ns, command, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
      },
      destroy,
    };
  } catch (err) {
    destroy();
    throw err;
  }
}
