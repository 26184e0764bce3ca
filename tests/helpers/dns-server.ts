// A small authoritative DNS server over UDP on 127.0.0.1 for the probe tests: answers A, AAAA,
// CNAME, MX, NS and TXT from a table, NXDOMAIN for names it does not know, and NOERROR with no
// answers for a known name without records of the asked type. `silent` never answers.
import dgram from "node:dgram";

export type Zone = Record<
  string,
  { A?: string[]; AAAA?: string[]; CNAME?: string; MX?: { priority: number; exchange: string }[]; NS?: string[]; TXT?: string[][] }
>;

const TYPES: Record<number, string> = { 1: "A", 2: "NS", 5: "CNAME", 15: "MX", 16: "TXT", 28: "AAAA" };

function encodeName(name: string): Buffer {
  const parts = name.replace(/\.$/, "").split(".").filter(Boolean);
  return Buffer.concat([...parts.map((p) => Buffer.concat([Buffer.from([p.length]), Buffer.from(p)])), Buffer.from([0])]);
}

function readName(msg: Buffer, offset: number): [string, number] {
  const labels: string[] = [];
  while (msg[offset] !== 0) {
    const len = msg[offset];
    labels.push(msg.subarray(offset + 1, offset + 1 + len).toString());
    offset += len + 1;
  }
  return [labels.join("."), offset + 1];
}

function ipv6Bytes(address: string): Buffer {
  const full = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const [head, tail = ""] = full.split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = full.includes("::") ? [...h, ...new Array(8 - h.length - t.length).fill("0"), ...t] : h;
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  return out;
}

function rdata(type: string, value: unknown): Buffer {
  switch (type) {
    case "A":
      return Buffer.from((value as string).split(".").map(Number));
    case "AAAA":
      return ipv6Bytes(value as string);
    case "CNAME":
    case "NS":
      return encodeName(value as string);
    case "MX": {
      const mx = value as { priority: number; exchange: string };
      const pref = Buffer.alloc(2);
      pref.writeUInt16BE(mx.priority);
      return Buffer.concat([pref, encodeName(mx.exchange)]);
    }
    default: {
      const chunks = value as string[];
      return Buffer.concat(chunks.map((c) => Buffer.concat([Buffer.from([Buffer.byteLength(c)]), Buffer.from(c)])));
    }
  }
}

function answer(query: Buffer, zone: Zone): Buffer {
  const id = query.readUInt16BE(0);
  const [qname, end] = readName(query, 12);
  const qtype = query.readUInt16BE(end);
  const question = query.subarray(12, end + 4);
  const entry = zone[qname.toLowerCase()];
  const type = TYPES[qtype];
  const raw = entry && type ? (entry as Record<string, unknown>)[type] : undefined;
  const values: unknown[] = raw === undefined ? [] : type === "CNAME" ? [raw] : (raw as unknown[]);
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x8400 | 0x0100 | (entry ? 0 : 3), 2); // QR, AA, RD copied; rcode 3 = NXDOMAIN
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(values.length, 6);
  const records = values.map((v) => {
    const data = rdata(type as string, v);
    const fixed = Buffer.alloc(10);
    fixed.writeUInt16BE(qtype, 0);
    fixed.writeUInt16BE(1, 2);
    fixed.writeUInt32BE(60, 4);
    fixed.writeUInt16BE(data.length, 8);
    return Buffer.concat([Buffer.from([0xc0, 0x0c]), fixed, data]);
  });
  return Buffer.concat([header, question, ...records]);
}

export interface DnsServer {
  address: string;
  port: number;
  /** Queries received, as "TYPE name". */
  queries: string[];
  close(): Promise<void>;
}

export async function startDnsServer(zone: Zone, { silent = false } = {}): Promise<DnsServer> {
  const socket = dgram.createSocket("udp4");
  const queries: string[] = [];
  socket.on("message", (msg, rinfo) => {
    const [qname, end] = readName(msg, 12);
    queries.push(`${TYPES[msg.readUInt16BE(end)] ?? msg.readUInt16BE(end)} ${qname}`);
    if (!silent) socket.send(answer(msg, zone), rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  const { port } = socket.address();
  return {
    address: `127.0.0.1:${port}`,
    port,
    queries,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}

