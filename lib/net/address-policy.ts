// The one answer to "may Vigil open an outgoing connection to this address?", shared by the
// notification client (lib/http.ts), the guard on the client libraries some integrations use
// (lib/integrations/library-net.ts), and the probes and agents that will make requests to
// user-given hosts. User-given URLs must not reach the machine itself, the local network, or a
// cloud's metadata service, so only globally routable addresses are allowed, unless
// INTEGRATIONS_ALLOW_PRIVATE_IPS=True (for self-hosters whose receivers are on their network).
import net from "node:net";
import { getEnv } from "../env";

/** Healthchecks' message for a refused address; receivers' logs and our tests match on it. */
export const PRIVATE_IP_MESSAGE = "Connections to private IP addresses are not allowed";

type Ipv4Range = readonly [base: number, bits: number];

/** The dotted quad as an unsigned 32-bit number, or null if it is not one. */
function parseIpv4(text: string): number | null {
  if (!net.isIPv4(text)) return null;
  return text.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

function ipv4(text: string): number {
  const n = parseIpv4(text);
  if (n === null) throw new Error(`bad IPv4 literal ${text}`);
  return n;
}

function inIpv4Range(address: number, [base, bits]: Ipv4Range): boolean {
  const size = 2 ** (32 - bits);
  return Math.floor(address / size) === Math.floor(base / size);
}

// Python's ipaddress.IPv4Address.is_global (3.13) is false for these (its _private_networks, plus
// 100.64.0.0/10), and Vigil adds two more: multicast 224.0.0.0/4, which Python counts as global
// although nothing answers a TCP connection there, and the deprecated 6to4 relay anycast
// 192.88.99.0/24.
const IPV4_NOT_GLOBAL: Ipv4Range[] = (
  [
    ["0.0.0.0", 8], // "this network"
    ["10.0.0.0", 8], // RFC 1918
    ["100.64.0.0", 10], // carrier-grade NAT: Alibaba Cloud's metadata service, Tailscale
    ["127.0.0.0", 8], // loopback
    ["169.254.0.0", 16], // link-local: AWS, GCP and Azure metadata services
    ["172.16.0.0", 12], // RFC 1918
    ["192.0.0.0", 24], // IETF protocol assignments (but see the exceptions below)
    ["192.0.2.0", 24], // TEST-NET-1
    ["192.88.99.0", 24], // 6to4 relay anycast
    ["192.168.0.0", 16], // RFC 1918
    ["198.18.0.0", 15], // benchmarking
    ["198.51.100.0", 24], // TEST-NET-2
    ["203.0.113.0", 24], // TEST-NET-3
    ["224.0.0.0", 4], // multicast
    ["240.0.0.0", 4], // reserved, and 255.255.255.255 (broadcast)
  ] as const
).map(([base, bits]) => [ipv4(base), bits] as const);

// Globally reachable anycast services inside 192.0.0.0/24 (PCP and TURN), which Python 3.13's
// is_global also allows.
const IPV4_GLOBAL_EXCEPTIONS = new Set([ipv4("192.0.0.9"), ipv4("192.0.0.10")]);

function isGlobalIpv4(address: number): boolean {
  if (IPV4_GLOBAL_EXCEPTIONS.has(address)) return true;
  return !IPV4_NOT_GLOBAL.some((range) => inIpv4Range(address, range));
}

/** The eight 16-bit groups of an IPv6 address (a zone id such as "%eth0" ignored), or null. */
function parseIpv6(text: string): number[] | null {
  const address = text.split("%")[0];
  if (!net.isIPv6(address)) return null;
  const groupsOf = (part: string): number[] =>
    part === ""
      ? []
      : part.split(":").flatMap((g) => {
          const v4 = g.includes(".") ? parseIpv4(g) : null;
          return v4 === null ? [parseInt(g, 16)] : [Math.floor(v4 / 65536), v4 % 65536];
        });
  const gap = address.indexOf("::");
  if (gap === -1) return groupsOf(address);
  const head = groupsOf(address.slice(0, gap));
  const tail = groupsOf(address.slice(gap + 2));
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/** Whether the first `bits` bits of `groups` equal those of `prefix` (given as groups too). */
function hasPrefix(groups: readonly number[], prefix: readonly number[], bits: number): boolean {
  for (let i = 0; bits > 0; i++, bits -= 16) {
    const shift = Math.max(0, 16 - bits);
    if (groups[i] >> shift !== (prefix[i] ?? 0) >> shift) return false;
  }
  return true;
}

const embeddedIpv4 = (hi: number, lo: number): number => hi * 65536 + lo;

// Python 3.13's IPv6 _private_networks inside 2000::/3, with its exceptions: globally reachable
// service addresses IANA assigned inside 2001::/23 (AMT, AS112, ORCHIDv2, drone remote ID).
const IPV6_NOT_GLOBAL: [number[], number][] = [
  [[0x2001], 23], // IETF protocol assignments, Teredo 2001::/32 included
  [[0x2001, 0xdb8], 32], // documentation
  [[0x3fff], 20], // documentation (RFC 9637)
];
const IPV6_GLOBAL_EXCEPTIONS: [number[], number][] = [
  [[0x2001, 0x1, 0, 0, 0, 0, 0, 0x1], 128],
  [[0x2001, 0x1, 0, 0, 0, 0, 0, 0x2], 128],
  [[0x2001, 0x3], 32],
  [[0x2001, 0x4, 0x112], 48],
  [[0x2001, 0x20], 28],
  [[0x2001, 0x30], 28],
];

function isGlobalIpv6(g: readonly number[]): boolean {
  // Forms that carry an IPv4 address are judged by that address, since it is where the
  // connection ends up: IPv4-mapped ::ffff:a.b.c.d (the socket connects over IPv4), NAT64's
  // 64:ff9b::a.b.c.d (the translator connects to it; DNS64 resolvers synthesise these for every
  // IPv4-only host, so refusing them all would break every webhook on an IPv6-only server) and
  // 6to4's 2002:AABB:CCDD:: (a relay forwards to AA.BB.CC.DD).
  if (hasPrefix(g, [0, 0, 0, 0, 0, 0xffff], 96)) return isGlobalIpv4(embeddedIpv4(g[6], g[7]));
  if (hasPrefix(g, [0x64, 0xff9b], 96)) return isGlobalIpv4(embeddedIpv4(g[6], g[7]));
  if (hasPrefix(g, [0x2002], 16)) return isGlobalIpv4(embeddedIpv4(g[1], g[2]));
  // Only 2000::/3 is handed out as global unicast; everything else is not (::/96 with its
  // deprecated IPv4-compatible ::a.b.c.d, :: and ::1, NAT64's local-use 64:ff9b:1::/48, the
  // discard prefix 100::/64, unique-local fc00::/7, link-local fe80::/10, the old site-local
  // fec0::/10, multicast ff00::/8) or is reserved. Python's is_global allows the reserved
  // ranges; nothing routes there.
  if (!hasPrefix(g, [0x2000], 3)) return false;
  if (IPV6_GLOBAL_EXCEPTIONS.some(([prefix, bits]) => hasPrefix(g, prefix, bits))) return true;
  return !IPV6_NOT_GLOBAL.some(([prefix, bits]) => hasPrefix(g, prefix, bits));
}

/**
 * Whether `address` (an IP address as text) is globally routable: Python's
 * `ipaddress.ip_address(address).is_global`, which Healthchecks checks, made stricter where
 * Python lets through what no public service uses (multicast, the IPv4 forms embedded in IPv6
 * judged by their IPv4 address, reserved IPv6 space). False for anything that is not an IP
 * address, so a caller can never fail open.
 */
export function isGlobalAddress(address: string): boolean {
  const v4 = parseIpv4(address);
  if (v4 !== null) return isGlobalIpv4(v4);
  const v6 = parseIpv6(address);
  return v6 !== null && isGlobalIpv6(v6);
}

// Cloud instance metadata services hand out credentials to whoever asks from the machine (AWS,
// GCP and Azure at 169.254.169.254, Alibaba Cloud at 100.100.100.200, AWS's IPv6 endpoint
// fd00:ec2::254). Probes refuse them even when private addresses are allowed, since monitoring
// internal services must not become a way to read those credentials.
const METADATA_IPV4 = new Set([ipv4("169.254.169.254"), ipv4("100.100.100.200")]);
const METADATA_IPV6: readonly number[] = [0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254];

/** Whether `address` (an IP as text, IPv4-mapped IPv6 included) is a cloud metadata service. */
export function isCloudMetadataAddress(address: string): boolean {
  const v4 = parseIpv4(address);
  if (v4 !== null) return METADATA_IPV4.has(v4);
  const v6 = parseIpv6(address);
  if (v6 === null) return false;
  if (hasPrefix(v6, [0, 0, 0, 0, 0, 0xffff], 96)) return METADATA_IPV4.has(embeddedIpv4(v6[6], v6[7]));
  return hasPrefix(v6, METADATA_IPV6, 128);
}

/**
 * Whether an outgoing connection may go to `address`: a globally routable one, or any while
 * `allowPrivate` (INTEGRATIONS_ALLOW_PRIVATE_IPS by default) is on.
 */
export function isAddressAllowed(address: string, allowPrivate = getEnv().integrationsAllowPrivateIps): boolean {
  return allowPrivate || isGlobalAddress(address);
}

/**
 * True if any of `addresses` (a host's DNS answers) is not allowed. One bad answer refuses the
 * host: a name that resolves to a public and a private address must not reach the private one.
 */
export function hasForbiddenAddress(
  addresses: readonly { address: string }[],
  allowPrivate = getEnv().integrationsAllowPrivateIps,
): boolean {
  return addresses.some((a) => !isAddressAllowed(a.address, allowPrivate));
}
