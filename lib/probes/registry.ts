// The one list of probe types. The API, the web forms and runProbe find a type here.
import type { AnyProbeTypeDescriptor } from "./descriptor";
import { dnsProbe } from "./dns";
import { httpProbe } from "./http";
import { tcpProbe } from "./tcp";
import { tlsProbe } from "./tls";
import type { ProbeType } from "./types";

export const PROBE_TYPE_DESCRIPTORS: Readonly<Record<ProbeType, AnyProbeTypeDescriptor>> = {
  http: httpProbe,
  tcp: tcpProbe,
  dns: dnsProbe,
  tls: tlsProbe,
};

export function getProbeType(type: ProbeType): AnyProbeTypeDescriptor {
  return PROBE_TYPE_DESCRIPTORS[type];
}

/** The list line of a probe, e.g. "GET https://example.org 200-299". */
export function summarizeProbe(config: { type: ProbeType }): string {
  return getProbeType(config.type).summarize(config);
}
