/** One check as the Prometheus endpoint reports it. */
export interface ProjectMetricsCheck {
  name: string;
  /** The stored tags string (space-separated). */
  tags: string;
  uniqueKey: string;
  /** getStatus() without "started": up, grace, down, new or paused. */
  status: string;
  /** last_start is set: a run is in progress. */
  started: boolean;
}

// Healthchecks' esc(): only these three; everything else (tabs, \r, non-ASCII) passes as is.
function esc(s: string): string {
  return s.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n");
}

// Python's str.strip(): the characters str.isspace() accepts, which differ from JS trim()
// (U+001C–U+001F and U+0085 are whitespace to Python; U+FEFF is to JS only).
const PY_SPACE = "[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const PY_STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, "g");

/** Healthchecks' Check.tags_list(): split on single spaces, strip, drop empties. */
function tagsList(tags: string): string[] {
  return tags
    .split(" ")
    .map((t) => t.replace(PY_STRIP, ""))
    .filter(Boolean);
}

// Python sorts strings by code point; JS's default sort compares UTF-16 units, which orders
// characters above U+FFFF (emoji) before U+E000–U+FFFF.
function byCodePoint(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < x.length && i < y.length; i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * The body of a project's Prometheus endpoint, byte for byte what Healthchecks' metrics view
 * (hc/integrations/prometheus/views.py) writes: gauges per check in the given order (by id),
 * labels name/tags/unique_key, then per tag (sorted), then the totals, families separated by
 * a blank line. hc_check_up is 0 only for "down", so a late (grace) check still reads as up.
 */
export function renderProjectMetrics(checks: readonly ProjectMetricsCheck[]): string {
  const labels = checks.map((c) => `{name="${esc(c.name)}", tags="${esc(c.tags)}", unique_key="${c.uniqueKey}"}`);
  const out: string[] = [];
  const family = (name: string, help: string, value: (c: ProjectMetricsCheck) => number) => {
    out.push(`# HELP ${name} ${help}\n`, `# TYPE ${name} gauge\n`);
    checks.forEach((c, i) => out.push(`${name}${labels[i]} ${value(c)}\n`));
  };

  family("hc_check_up", "Whether the check is currently up (1 for yes, 0 for no).", (c) => (c.status === "down" ? 0 : 1));
  out.push("\n");
  family("hc_check_started", "Whether the check is currently started (1 for yes, 0 for no).", (c) => (c.started ? 1 : 0));
  out.push("\n");
  family("hc_check_grace", "Whether the check is currently in the grace period (1 for yes, 0 for no).", (c) => (c.status === "grace" ? 1 : 0));
  out.push("\n");
  family("hc_check_paused", "Whether the check is currently paused (1 for yes, 0 for no).", (c) => (c.status === "paused" ? 1 : 0));

  const allTags = new Set<string>();
  const downTags = new Set<string>();
  let numDown = 0;
  for (const c of checks) {
    const tags = tagsList(c.tags);
    for (const t of tags) allTags.add(t);
    if (c.status === "down") {
      numDown++;
      for (const t of tags) downTags.add(t);
    }
  }

  out.push("\n");
  out.push("# HELP hc_tag_up Whether all checks with this tag are up (1 for yes, 0 for no).\n", "# TYPE hc_tag_up gauge\n");
  for (const tag of [...allTags].sort(byCodePoint)) out.push(`hc_tag_up{tag="${esc(tag)}"} ${downTags.has(tag) ? 0 : 1}\n`);

  out.push("\n");
  out.push("# HELP hc_checks_total The total number of checks.\n", "# TYPE hc_checks_total gauge\n");
  out.push(`hc_checks_total ${checks.length}\n`);
  out.push("\n");

  out.push("# HELP hc_checks_down_total The number of checks currently down.\n", "# TYPE hc_checks_down_total gauge\n");
  out.push(`hc_checks_down_total ${numDown}\n`);
  return out.join("");
}
