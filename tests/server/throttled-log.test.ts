import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { createThrottledLog } from "../../lib/throttled-log";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function capture() {
  const lines: string[] = [];
  const log = createThrottledLog("ping error", { intervalMs: 10_000, write: (line, err) => lines.push(err === undefined ? line : `${line} ${String(err)}`) });
  return { lines, log };
}

test.each([
  // [errors at these seconds, lines expected by second 60]
  [[0], ["ping error: Error: boom"]],
  [[0, 1, 2], ["ping error: Error: boom", "… and 2 more ping errors in the last 10 s"]],
  [[0, 5, 12, 15], ["ping error: Error: boom", "… and 1 more ping error in the last 10 s", "… and 2 more ping errors in the last 10 s"]],
  // A quiet interval ends the burst: the next error is written in full again.
  [[0, 35], ["ping error: Error: boom", "ping error: Error: boom"]],
])("errors at %j seconds are logged as %j", async (seconds, expected) => {
  const { lines, log } = capture();
  let now = 0;
  for (const s of seconds) {
    await vi.advanceTimersByTimeAsync((s - now) * 1000);
    now = s;
    log(new Error("boom"));
  }
  await vi.advanceTimersByTimeAsync((60 - now) * 1000);
  expect(lines).toEqual(expected);
});

test("counts are written with thousands separators", async () => {
  const { lines, log } = capture();
  for (let i = 0; i < 19_427; i++) log(new Error("boom"));
  await vi.advanceTimersByTimeAsync(10_000);
  expect(lines.at(-1)).toBe("… and 19,426 more ping errors in the last 10 s");
});

test("flush writes the pending count at once and ends the burst", () => {
  const { lines, log } = capture();
  log(new Error("a"));
  log(new Error("b"));
  log.flush();
  log(new Error("c"));
  expect(lines).toEqual(["ping error: Error: a", "… and 1 more ping error in the last 10 s", "ping error: Error: c"]);
});
