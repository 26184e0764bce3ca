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
