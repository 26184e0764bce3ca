// adapter-pg cannot deserialize PostgreSQL catalog types (`name`, `"char"`, regproc...) that the
// schema engine reads while migrating (prisma/orm#27403). Relabel those result columns as TEXT
// (oid 25) in performIO, which every queryable (adapter and transactions) goes through.
// Used only by the Prisma CLI config; the app's client never reads catalog tables.
import { PrismaPg } from "@prisma/adapter-pg";

const CATALOG_TEXT_OIDS = new Set([18, 19, 24, 194, 2205, 2206]);
const TEXT_OID = 25;

type Field = { dataTypeID: number };
type PerformIO = (query: unknown) => Promise<{ fields: Field[] }>;

function patchPrototype(obj: object): void {
  let proto: Record<string, unknown> | null = Object.getPrototypeOf(obj) as Record<string, unknown> | null;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, "performIO")) {
    proto = Object.getPrototypeOf(proto) as Record<string, unknown> | null;
  }
  if (!proto || proto.__vigilPatched) return;
  const original = proto.performIO as PerformIO;
  proto.performIO = async function (this: unknown, query: unknown) {
    const result = await original.call(this, query);
    for (const field of result.fields) {
      if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
    return result;
  };
  proto.__vigilPatched = true;
}

export class MigrationPrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    patchPrototype(adapter);
    return adapter;
  }
}
