import { AppError } from "../errors";

export interface FlipsFilters {
  start?: Date;
  end?: Date;
  /** Seconds back from now. */
  seconds?: number;
}

// Python's int() accepts surrounding whitespace and a sign; Django's IntegerField also
// tolerates a ".0" fraction.
const TIMESTAMP = /^\s*[+-]?\d+\s*$/;
const INTEGER = /^\s*[+-]?\d+(\.0*)?\s*$/;
const MAX_TIMESTAMP = 10_000_000_000;
const MAX_SECONDS = 31_536_000;

/** The last value of a query parameter (Django's QueryDict.get); "" counts as absent. */
function last(query: URLSearchParams, name: string): string | undefined {
  return query.getAll(name).at(-1) || undefined;
}

/**
 * The flips endpoint's filters (Healthchecks' FlipsFiltersForm): `start`/`end` UNIX
 * timestamps in 0..10^10, `seconds` in 0..31536000 (0 = no filter). Throws
 * AppError("bad_request", "") for anything else, which answers an empty 400.
 */
export function parseFlipsFilters(query: URLSearchParams): FlipsFilters {
  const bad = (): never => {
    throw new AppError("bad_request", "");
  };
  const filters: FlipsFilters = {};
  for (const name of ["start", "end"] as const) {
    const raw = last(query, name);
    if (raw === undefined) continue;
    if (!TIMESTAMP.test(raw)) bad();
    const ts = parseInt(raw, 10);
    if (ts < 0 || ts > MAX_TIMESTAMP) bad();
    filters[name] = new Date(ts * 1000);
  }
  const raw = last(query, "seconds");
  if (raw !== undefined) {
    if (!INTEGER.test(raw)) bad();
    const seconds = parseInt(raw, 10);
    if (seconds < 0 || seconds > MAX_SECONDS) bad();
    if (seconds > 0) filters.seconds = seconds;
  }
  return filters;
}
