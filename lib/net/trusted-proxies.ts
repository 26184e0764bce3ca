// TRUSTED_PROXIES, the reverse proxies whose X-Forwarded-For is believed: the front server keeps
// the header only on connections from them, and the rate limits skip them when they read the
// client's address from it. One matcher for both, so the two can never disagree.
import { BlockList, isIPv4, isIPv6 } from "node:net";

const lists = new WeakMap<readonly string[], BlockList>();

function toBlockList(entries: readonly string[]): BlockList {
  let list = lists.get(entries);
  if (!list) {
    list = new BlockList();
    for (const entry of entries) {
      const [address, bits] = entry.split("/");
      const family = isIPv4(address) ? "ipv4" : "ipv6";
      if (bits === undefined) list.addAddress(address, family);
      else list.addSubnet(address, Number(bits), family);
    }
    lists.set(entries, list);
  }
  return list;
}

/**
 * Whether `address` is one of `entries` (addresses and CIDR ranges, as lib/env.ts validated
 * them). Dual-stack sockets report IPv4 peers as "::ffff:a.b.c.d", which counts as a.b.c.d;
 * anything that is not an address (a proxy's "unknown", a client's garbage) is not trusted.
 */
export function isTrustedProxy(address: string, entries: readonly string[]): boolean {
  if (entries.length === 0) return false;
  const plain = address.startsWith("::ffff:") && isIPv4(address.slice(7)) ? address.slice(7) : address;
  if (isIPv4(plain)) return toBlockList(entries).check(plain, "ipv4");
  return isIPv6(plain) && toBlockList(entries).check(plain, "ipv6");
}
