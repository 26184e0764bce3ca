export interface DowntimeInterval {
  /** First instant of the interval. */
  start: Date;
  /** Seconds the check was down within the interval (up to `now` for the current one). */
  downSeconds: number;
  /** Down stretches that overlap the interval; one spanning a boundary counts in both. */
  outages: number;
  /** The check did not exist yet during the whole interval. */
  noData: boolean;
}

export interface DowntimeInput {
  /** Interval starts, oldest first; the last interval runs until `now`. */
  boundaries: Date[];
  /** Flips newer than the first boundary, in any order. */
  flips: { createdAt: Date; oldStatus: string }[];
  /** The check's stored status now. */
  status: string;
  checkCreatedAt: Date;
  now: Date;
}

/**
 * Healthchecks' Check.downtimes_by_boundary: walks flips and interval boundaries backwards
 * from now, tracking what the status was before each flip, and adds every stretch spent
 * "down" to the interval it falls in. Returns the intervals newest first.
 */
export function summarizeDowntime(input: DowntimeInput): DowntimeInterval[] {
  const records: DowntimeInterval[] = input.boundaries
    .map((start) => ({ start, downSeconds: 0, outages: 0, noData: false }))
    .reverse();
  const add = (when: number, seconds: number) => {
    const record = records.find((r) => r.start.getTime() <= when);
    if (!record) return;
    record.downSeconds += seconds;
    record.outages += 1;
  };

  // A boundary is an event that ends a stretch without changing the status, so a down
  // stretch across the end of a month is split between the two months.
  const events: { at: number; oldStatus: string | null }[] = [
    ...input.boundaries.map((b) => ({ at: b.getTime(), oldStatus: null })),
    ...input.flips.map((f) => ({ at: f.createdAt.getTime(), oldStatus: f.oldStatus })),
  ].sort((a, b) => b.at - a.at || (a.oldStatus === null ? 1 : 0) - (b.oldStatus === null ? 1 : 0));

  let until = input.now.getTime();
  let status = input.status;
  for (const event of events) {
    if (status === "down" && until > event.at) add(event.at, (until - event.at) / 1000);
    until = event.at;
    if (event.oldStatus !== null) status = event.oldStatus;
  }

  // An interval is empty when the check was created after it ended.
  let end: number | null = null;
  for (const record of records) {
    if (end !== null && input.checkCreatedAt.getTime() > end) record.noData = true;
    end = record.start.getTime();
  }
  return records;
}
