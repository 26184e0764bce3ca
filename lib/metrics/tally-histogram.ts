/**
 * A histogram as plain numbers, cheap enough for the ping hot path: observe() is a short loop
 * and two additions (~5 ns), where prom-client's Histogram.observe() hashes labels and allocates
 * a closure per call (~200 ns). lib/metrics/registry.ts copies it into prom-client at scrape time.
 */
export class TallyHistogram {
  /** counts[i] = observations <= bounds[i] and > bounds[i - 1]; the last slot is +Inf. */
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  /** `bounds`: ascending upper bounds, in the unit the values are observed in. */
  constructor(readonly bounds: readonly number[]) {
    this.counts = new Float64Array(bounds.length + 1);
  }

  observe(value: number): void {
    const { bounds } = this;
    let i = 0;
    while (i < bounds.length && value > bounds[i]) i++;
    this.counts[i]++;
    this.sum += value;
    this.count++;
  }
}
