// What the cron and OnCalendar parsers (and the zone lookup they use) share: the one error
// type for input a user got wrong, and the cache that keeps re-parsing off the ping path.

/**
 * Thrown for anything a user can get wrong in a schedule: a malformed cron or
 * OnCalendar expression, or an unknown time zone. Callers validating user
 * input catch this type and let every other error propagate.
 */
export class ScheduleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScheduleError";
  }
}

/**
 * Wraps a schedule parser with a small cache: the ping path evaluates the same few schedules
 * over and over. Cleared when it reaches 1000 entries, so odd inputs cannot grow it unbounded.
 */
export function memoizeParser<T>(parse: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let parsed = cache.get(text);
    if (parsed === undefined) {
      parsed = parse(text);
      if (cache.size >= 1000) cache.clear();
      cache.set(text, parsed);
    }
    return parsed;
  };
}
