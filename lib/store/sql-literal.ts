/**
 * SQL literals for the PostgreSQL ping store, which sends a batch's writes and its COMMIT as one
 * simple-protocol query (one round trip; extended-protocol parameters cannot share a message
 * with COMMIT). Every value is escaped here and typed with a cast.
 */
export type SqlValue = string | number | boolean | Date | Buffer | null;

export function sqlString(value: string): string {
  // PostgreSQL text cannot hold NUL; a NUL in a user agent must not fail the whole batch.
  const clean = value.includes("\0") ? value.replaceAll("\0", "") : value;
  const quoted = clean.replaceAll("'", "''");
  return clean.includes("\\") ? `E'${quoted.replaceAll("\\", "\\\\")}'` : `'${quoted}'`;
}

export function sqlLiteral(value: SqlValue, type: "text" | "int" | "float" | "bool" | "timestamp" | "bytea"): string {
  if (value === null) return `NULL::${type}`;
  switch (type) {
    case "int":
      if (typeof value !== "number" || !Number.isSafeInteger(value)) throw new TypeError(`not an integer: ${String(value)}`);
      return `${value}::int`;
    case "float":
      if (typeof value !== "number" || !Number.isFinite(value)) throw new TypeError(`not a finite number: ${String(value)}`);
      return `${value}::double precision`;
    case "bool":
      return value === true ? "TRUE" : "FALSE";
    case "timestamp":
      if (!(value instanceof Date)) throw new TypeError("not a Date");
      return `'${value.toISOString()}'::timestamp`;
    case "bytea":
      if (!Buffer.isBuffer(value)) throw new TypeError("not a Buffer");
      return `decode('${value.toString("hex")}', 'hex')`;
    case "text":
      return `${sqlString(String(value))}::text`;
  }
}
