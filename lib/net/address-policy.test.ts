import { describe, expect, test } from "vitest";
import { hasForbiddenAddress, isAddressAllowed, isGlobalAddress } from "./address-policy";

// Every range that is refused, with its first and last address and the neighbours just outside
// it (which are global unless another range takes them). `true` = globally routable, allowed.
const IPV4: [string, boolean, string][] = [
  ["0.0.0.0", false, "this network (first)"],
  ["0.255.255.255", false, "this network (last)"],
  ["1.0.0.0", true, "after this network"],
  ["9.255.255.255", true, "before 10/8"],
  ["10.0.0.0", false, "RFC 1918 10/8 (first)"],
  ["10.255.255.255", false, "RFC 1918 10/8 (last)"],
  ["11.0.0.0", true, "after 10/8"],
  ["100.63.255.255", true, "before carrier-grade NAT"],
  ["100.64.0.0", false, "carrier-grade NAT (first)"],
  ["100.100.100.200", false, "Alibaba Cloud metadata service"],
  ["100.127.255.255", false, "carrier-grade NAT (last)"],
  ["100.128.0.0", true, "after carrier-grade NAT"],
  ["126.255.255.255", true, "before loopback"],
  ["127.0.0.0", false, "loopback (first)"],
  ["127.0.0.1", false, "loopback"],
  ["127.255.255.255", false, "loopback (last)"],
  ["128.0.0.0", true, "after loopback"],
  ["169.253.255.255", true, "before link-local"],
  ["169.254.0.0", false, "link-local (first)"],
  ["169.254.169.254", false, "AWS/GCP/Azure metadata service"],
  ["169.254.255.255", false, "link-local (last)"],
  ["169.255.0.0", true, "after link-local"],
  ["172.15.255.255", true, "before 172.16/12"],
  ["172.16.0.0", false, "RFC 1918 172.16/12 (first)"],
  ["172.31.255.255", false, "RFC 1918 172.16/12 (last)"],
  ["172.32.0.0", true, "after 172.16/12"],
  ["191.255.255.255", true, "before 192.0.0/24"],
  ["192.0.0.0", false, "IETF protocol assignments (first)"],
  ["192.0.0.8", false, "IETF protocol assignments"],
  ["192.0.0.9", true, "PCP anycast, global as in Python 3.13"],
  ["192.0.0.10", true, "TURN anycast, global as in Python 3.13"],
  ["192.0.0.11", false, "IETF protocol assignments"],
  ["192.0.0.170", false, "NAT64 discovery"],
  ["192.0.0.255", false, "IETF protocol assignments (last)"],
  ["192.0.1.0", true, "between 192.0.0/24 and TEST-NET-1"],
  ["192.0.2.0", false, "TEST-NET-1 (first)"],
  ["192.0.2.255", false, "TEST-NET-1 (last)"],
  ["192.0.3.0", true, "after TEST-NET-1"],
  ["192.88.98.255", true, "before 6to4 relay anycast"],
  ["192.88.99.0", false, "6to4 relay anycast (first)"],
  ["192.88.99.255", false, "6to4 relay anycast (last)"],
  ["192.88.100.0", true, "after 6to4 relay anycast"],
  ["192.167.255.255", true, "before 192.168/16"],
  ["192.168.0.0", false, "RFC 1918 192.168/16 (first)"],
  ["192.168.255.255", false, "RFC 1918 192.168/16 (last)"],
  ["192.169.0.0", true, "after 192.168/16"],
  ["198.17.255.255", true, "before benchmarking"],
  ["198.18.0.0", false, "benchmarking (first)"],
  ["198.19.255.255", false, "benchmarking (last)"],
  ["198.20.0.0", true, "after benchmarking"],
  ["198.51.99.255", true, "before TEST-NET-2"],
  ["198.51.100.0", false, "TEST-NET-2 (first)"],
  ["198.51.100.255", false, "TEST-NET-2 (last)"],
  ["198.51.101.0", true, "after TEST-NET-2"],
  ["203.0.112.255", true, "before TEST-NET-3"],
  ["203.0.113.0", false, "TEST-NET-3 (first)"],
  ["203.0.113.255", false, "TEST-NET-3 (last)"],
  ["203.0.114.0", true, "after TEST-NET-3"],
  ["223.255.255.255", true, "before multicast"],
  ["224.0.0.0", false, "multicast (first)"],
  ["239.255.255.255", false, "multicast (last)"],
  ["240.0.0.0", false, "reserved (first)"],
  ["255.255.255.254", false, "reserved"],
  ["255.255.255.255", false, "broadcast"],
  ["8.8.8.8", true, "public"],
  ["1.1.1.1", true, "public"],
];

const IPV6: [string, boolean, string][] = [
  ["::", false, "unspecified"],
  ["::1", false, "loopback"],
  ["::2", false, "IPv4-compatible range"],
  ["::127.0.0.1", false, "IPv4-compatible loopback"],
  ["::8.8.8.8", false, "IPv4-compatible, deprecated: refused even for a public IPv4"],
  ["::ffff:ffff", false, "IPv4-compatible range (last)"],
  ["::ffff:127.0.0.1", false, "IPv4-mapped loopback"],
  ["::ffff:7f00:1", false, "IPv4-mapped loopback, hex"],
  ["0:0:0:0:0:ffff:a9fe:a9fe", false, "IPv4-mapped metadata service"],
  ["::ffff:100.100.100.200", false, "IPv4-mapped carrier-grade NAT"],
  ["::ffff:0.0.0.0", false, "IPv4-mapped (first)"],
  ["::ffff:255.255.255.255", false, "IPv4-mapped (last)"],
  ["::ffff:8.8.8.8", true, "IPv4-mapped public"],
  ["64:ff9b::", false, "NAT64 of 0.0.0.0 (first)"],
  ["64:ff9b::127.0.0.1", false, "NAT64 of loopback"],
  ["64:ff9b::a9fe:a9fe", false, "NAT64 of the metadata service"],
  ["64:ff9b::10.0.0.1", false, "NAT64 of RFC 1918"],
  ["64:ff9b::ffff:ffff", false, "NAT64 of broadcast (last)"],
  ["64:ff9b::8.8.8.8", true, "NAT64 of a public address (DNS64 on IPv6-only servers)"],
  ["64:ff9b:0:0:0:1::", false, "after NAT64 /96: reserved"],
  ["64:ff9b:1::", false, "NAT64 local-use (first)"],
  ["64:ff9b:1:ffff:ffff:ffff:ffff:ffff", false, "NAT64 local-use (last)"],
  ["100::", false, "discard-only (first)"],
  ["100::ffff:ffff:ffff:ffff", false, "discard-only (last)"],
  ["1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false, "reserved, before global unicast"],
  ["2000::", true, "global unicast (first)"],
  ["2001::", false, "Teredo (first)"],
  ["2001:0:4136:e378:8000:63bf:3fff:fdd2", false, "Teredo"],
  ["2001:0:ffff:ffff:ffff:ffff:ffff:ffff", false, "Teredo (last)"],
  ["2001:1::1", true, "Port Control Protocol anycast, global as in Python 3.13"],
  ["2001:1::2", true, "TURN anycast, global as in Python 3.13"],
  ["2001:1::3", false, "IETF protocol assignments"],
  ["2001:2::", false, "benchmarking"],
  ["2001:3::", true, "AMT, global as in Python 3.13"],
  ["2001:4:112::", true, "AS112-v6, global as in Python 3.13"],
  ["2001:10::", false, "deprecated ORCHID"],
  ["2001:20::", true, "ORCHIDv2 (first), global as in Python 3.13"],
  ["2001:2f:ffff:ffff:ffff:ffff:ffff:ffff", true, "ORCHIDv2 (last)"],
  ["2001:30::", true, "drone remote ID, global as in Python 3.13"],
  ["2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff", false, "IETF protocol assignments (last)"],
  ["2001:200::", true, "after IETF protocol assignments"],
  ["2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", true, "before documentation"],
  ["2001:db8::", false, "documentation (first)"],
  ["2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", false, "documentation (last)"],
  ["2001:db9::", true, "after documentation"],
  ["2002::", false, "6to4 of 0.0.0.0 (first)"],
  ["2002:7f00:1::", false, "6to4 of loopback"],
  ["2002:a9fe:a9fe::1", false, "6to4 of the metadata service"],
  ["2002:c0a8:101::", false, "6to4 of RFC 1918"],
  ["2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false, "6to4 of broadcast (last)"],
  ["2002:808:808::1", true, "6to4 of a public address"],
  ["2003::", true, "after 6to4"],
  ["2606:4700::1111", true, "public"],
  ["3ffe::", true, "before documentation 3fff::/20"],
  ["3fff::", false, "documentation 3fff::/20 (first)"],
  ["3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff", false, "documentation 3fff::/20 (last)"],
  ["3fff:1000::", true, "after documentation 3fff::/20"],
  ["3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true, "global unicast (last)"],
  ["4000::", false, "reserved, after global unicast"],
  ["fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false, "reserved, before unique-local"],
  ["fc00::", false, "unique-local (first)"],
  ["fd12:3456::1", false, "unique-local"],
  ["fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false, "unique-local (last)"],
  ["fe80::", false, "link-local (first)"],
  ["fe80::1%eth0", false, "link-local with a zone id"],
  ["febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false, "link-local (last)"],
  ["fec0::", false, "deprecated site-local"],
  ["ff00::", false, "multicast (first)"],
  ["ff02::1", false, "all-nodes multicast"],
  ["ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false, "multicast (last)"],
];

describe("isGlobalAddress", () => {
  test.each(IPV4)("IPv4 %s → %s (%s)", (address, global) => {
    expect(isGlobalAddress(address)).toBe(global);
  });

  test.each(IPV6)("IPv6 %s → %s (%s)", (address, global) => {
    expect(isGlobalAddress(address)).toBe(global);
  });

  // The rows of the guard this policy replaced, so nothing it refused is let through now.
  test.each([
    ["127.0.0.1", false], ["127.255.1.2", false], ["10.1.2.3", false], ["172.16.0.1", false], ["172.31.255.255", false],
    ["172.32.0.1", true], ["192.168.1.1", false], ["169.254.169.254", false], ["0.0.0.0", false], ["8.8.8.8", true],
    ["1.1.1.1", true], ["::1", false], ["::", false], ["fc00::1", false], ["fd12:3456::1", false], ["fe80::1", false],
    ["::ffff:127.0.0.1", false], ["::ffff:7f00:1", false], ["::ffff:8.8.8.8", true], ["2606:4700::1111", true],
  ] as const)("the former guard's %s is global: %s", (address, global) => {
    expect(isGlobalAddress(address)).toBe(global);
  });

  test.each(["not-an-ip", "", "127.1", "0x7f000001", "2130706433", "1.2.3.4.5", "[::1]", "::1::"])(
    "refuses %j, which is not an IP address",
    (text) => {
      expect(isGlobalAddress(text)).toBe(false);
    },
  );
});

describe("isAddressAllowed", () => {
  test("allows only global addresses, unless private ones are allowed", () => {
    expect(isAddressAllowed("8.8.8.8", false)).toBe(true);
    expect(isAddressAllowed("100.100.100.200", false)).toBe(false);
    expect(isAddressAllowed("100.100.100.200", true)).toBe(true);
    expect(isAddressAllowed("::1", true)).toBe(true);
  });
});

describe("hasForbiddenAddress", () => {
  test("refuses a host when any of its addresses is not allowed", () => {
    expect(hasForbiddenAddress([{ address: "8.8.4.4" }, { address: "2606:4700::1111" }], false)).toBe(false);
    expect(hasForbiddenAddress([{ address: "8.8.4.4" }, { address: "127.0.0.1" }], false)).toBe(true);
    expect(hasForbiddenAddress([{ address: "8.8.4.4" }, { address: "127.0.0.1" }], true)).toBe(false);
    expect(hasForbiddenAddress([], false)).toBe(false);
  });
});
