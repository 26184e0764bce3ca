/** A number to serialise with a decimal point even when whole, like Python's float (2.0). */
export class JsonFloat {
  constructor(readonly value: number) {}
  toJSON(): number {
    return this.value;
  }
}

/**
 * JSON text byte-for-byte as Django's JsonResponse writes it (json.dumps defaults): ", " and
 * ": " separators and non-ASCII escaped as \uXXXX. Scripts written against Healthchecks grep
 * responses for strings like '"status": "down"', so the spacing is part of compatibility.
 */
export function toPythonJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof JsonFloat) {
    const n = value.value;
    return Number.isInteger(n) ? `${n}.0` : String(n);
  }
  if (typeof value === "string") {
    // Python's ensure_ascii escapes everything outside space..tilde that JSON.stringify keeps.
    return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  }
  if (typeof value === "number" || typeof value === "boolean") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(toPythonJson).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${toPythonJson(k)}: ${toPythonJson(v)}`).join(", ")}}`;
  }
  throw new TypeError(`cannot serialise ${typeof value} as JSON`);
}
