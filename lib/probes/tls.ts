// The TLS probe: a handshake with SNI, the leaf certificate read and (unless tls_skip_verify)
// verified against the trusted roots and the host name. Its expiry is judged by the verdict.
import type { AttemptRecorder } from "./attempt";
import { splitHostPort, tlsProbeSchema } from "./config";
import { openConnection } from "./connect";
import type { AttemptContext, ProbeTypeDescriptor } from "./descriptor";
import type { TlsProbe } from "./types";

async function attempt(config: TlsProbe, ctx: AttemptContext, rec: AttemptRecorder): Promise<void> {
  const target = splitHostPort(config.address);
  if (!target) throw new Error(`invalid address ${config.address}`);
  const socket = await openConnection(target.host, target.port, ctx, rec, {
    servername: config.servername || target.host,
    skipVerify: config.tls_skip_verify,
  });
  rec.finish();
  socket.destroy();
}

export const tlsProbe: ProbeTypeDescriptor<TlsProbe> = {
  type: "tls",
  label: "TLS certificate",
  description: "Shakes hands with a TLS server and checks its certificate: trust, host name and expiry.",
  configSchema: tlsProbeSchema,
  form: {
    fields: [
      { name: "address", label: "Address", type: "text", required: true, placeholder: "example.org:443", hint: "host:port" },
      { name: "servername", label: "Server name (SNI)", type: "text", hint: "Default: the host of the address" },
      { name: "tls_skip_verify", label: "Skip certificate verification", type: "checkbox" },
      { name: "cert_expiry_threshold", label: "Warn when the certificate expires within (days)", type: "text" },
    ],
    defaults: { tls_skip_verify: "", cert_expiry_threshold: "14" },
  },
  summarize: (c) => `TLS ${c.address}${c.servername ? ` (${c.servername})` : ""}`,
  attempt,
};
