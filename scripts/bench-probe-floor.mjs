// The floor the prober is measured against: a bare Node loop doing the same requests per
// second with undici, each on a fresh connection as a probe's attempt is, at most `concurrency`
// at once, and nothing else (no scheduling, no timings, no database). Prints one JSON line:
// requests done, failures, CPU seconds and peak RSS.
// Usage: node bench-probe-floor.mjs <url> <requests per second> <seconds> [concurrency]
import { Client } from "undici";

const [url, rateArg, secondsArg, concurrencyArg = "50"] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const concurrency = Number(concurrencyArg);
const { origin, pathname } = new URL(url);

let done = 0;
let failed = 0;
let inFlight = 0;
let owed = 0;
let peakRss = 0;

async function once() {
  inFlight++;
  const client = new Client(origin);
  try {
    const { statusCode, body } = await client.request({ path: pathname, method: "GET" });
    await body.text();
    if (statusCode !== 200) failed++;
  } catch {
    failed++;
  } finally {
    await client.close().catch(() => {});
    inFlight--;
    done++;
  }
}

const cpuStart = process.cpuUsage();
const start = performance.now();
let issued = 0;
// Every 10 ms, start the requests due by now at the given rate (as the prober's runs arrive).
const timer = setInterval(() => {
  const due = Math.floor(((performance.now() - start) / 1000) * rate);
  owed += due - issued;
  issued = due;
  while (owed > 0 && inFlight < concurrency) {
    owed--;
    void once();
  }
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 10);
setTimeout(async () => {
  clearInterval(timer);
  while (inFlight > 0) await new Promise((r) => setTimeout(r, 5));
  const cpu = process.cpuUsage(cpuStart);
  process.stdout.write(
    `${JSON.stringify({ requests: done, failed, skipped: owed, cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds: (performance.now() - start) / 1000, peakRssMb: peakRss / 1048576 })}\n`,
  );
  process.exit(0);
}, seconds * 1000);
