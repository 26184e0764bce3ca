// The TCP probe: can a connection be opened (and, with `tls`, a handshake completed)? As
// Checkup's tcp checker, the round trip is the time to connect.
import type { AttemptRecorder } from "./attempt";
import { splitHostPort, tcpProbeSchema } from "./config";
import { openConnection } from "./connect";
import type { AttemptContext, ProbeTypeDescriptor } from "./descriptor";
import type { TcpProbe } from "./types";

async function attempt(config: TcpProbe, ctx: AttemptContext, rec: AttemptRecorder): Promise<void> {
  const target = splitHostPort(config.address);
  if (!target) throw new Error(`invalid address ${config.address}`);
  const socket = await openConnection(
    target.host,
    target.port,
    ctx,
    rec,
    config.tls ? { servername: target.host, skipVerify: config.tls_skip_verify } : undefined,
  );
  rec.finish();
  socket.destroy();
}

export const tcpProbe: ProbeTypeDescriptor<TcpProbe> = {
  type: "tcp",
  label: "TCP port",
  description: "Opens a connection to a host and port, optionally over TLS.",
  configSchema: tcpProbeSchema,
  form: {
    fields: [
      { name: "address", label: "Address", type: "text", required: true, placeholder: "db.internal:5432", hint: "host:port" },
      { name: "tls", label: "Use TLS", type: "checkbox" },
      { name: "tls_skip_verify", label: "Skip certificate verification", type: "checkbox" },
    ],
    defaults: { tls: "", tls_skip_verify: "" },
  },
  summarize: (c) => `TCP ${c.address}${c.tls ? " (TLS)" : ""}`,
  attempt,
};
