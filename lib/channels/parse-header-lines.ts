/**
 * Parses a webhook form's headers box: one "Name: value" per line, blank lines ignored, name
 * and value trimmed (Healthchecks' HeadersField). Returns the headers, or the first problem as
 * a message naming the line. Names and lengths are then checked by the webhook config schema.
 */
export function parseHeaderLines(text: string): { headers: Record<string, string>; error: string | null } {
  const headers: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    const colon = line.indexOf(":");
    const name = colon === -1 ? "" : line.slice(0, colon).trim();
    if (!name) return { headers: {}, error: `Line ${i + 1}: use the "Name: value" format` };
    headers[name] = line.slice(colon + 1).trim();
  }
  return { headers, error: null };
}
