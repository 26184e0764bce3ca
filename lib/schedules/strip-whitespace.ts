import { pythonWhitespace } from "./python-whitespace";

const EDGES = new RegExp(`^[${pythonWhitespace}]+|[${pythonWhitespace}]+$`, "g");

/** Python's `s.strip()`. */
export function stripWhitespace(s: string): string {
  return s.replace(EDGES, "");
}
