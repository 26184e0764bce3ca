/**
 * A log for errors that come in bursts (every ping failing while the database is down, every
 * pooled connection dropping at once): the first error of a burst is written in full, the
 * following ones are only counted and summed up once per interval ("… and 19,426 more ping
 * errors in the last 10 s"). A burst ends after an interval without errors, so the next error
 * is written in full again. A 10 s outage under load otherwise wrote 195,000 lines.
 */
export interface ThrottledLog {
  (err: unknown): void;
  /** Writes the pending count now and ends the burst (shutdown, tests). */
  flush(): void;
}

export function createThrottledLog(
  what: string,
  { intervalMs = 10_000, write = (line: string, err?: unknown) => (err === undefined ? console.error(line) : console.error(line, err)) } = {},
): ThrottledLog {
  let inBurst = false;
  let suppressed = 0;
  let timer: NodeJS.Timeout | undefined;
  const seconds = `${Math.round(intervalMs / 1000)} s`;

  const summarize = () => {
    if (suppressed > 0) {
      write(`… and ${suppressed.toLocaleString("en-US")} more ${what}${suppressed === 1 ? "" : "s"} in the last ${seconds}`);
      suppressed = 0;
      return true;
    }
    return false;
  };
  const tick = () => {
    if (summarize()) return;
    // A quiet interval: the burst is over.
    clearInterval(timer);
    timer = undefined;
    inBurst = false;
  };

  const log = ((err: unknown) => {
    if (inBurst) {
      suppressed++;
      return;
    }
    inBurst = true;
    write(`${what}:`, err);
    timer = setInterval(tick, intervalMs);
    timer.unref();
  }) as ThrottledLog;
  log.flush = () => {
    summarize();
    clearInterval(timer);
    timer = undefined;
    inBurst = false;
  };
  return log;
}
