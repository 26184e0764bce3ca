import { pythonWhitespace } from "./python-whitespace";

const RUN = new RegExp(`[${pythonWhitespace}]+`);

/** Python's `s.split()`: split on runs of whitespace, dropping empty pieces. */
export function splitWhitespace(s: string): string[] {
  return s.split(RUN).filter((part) => part !== "");
}
