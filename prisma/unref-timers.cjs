// Preloaded into the Prisma CLI: its Wasm schema engine leaves 10 s / 60 s timers pending after
// a command finishes, so the process would hang. Unref long timers so Node can exit.
const originalSetTimeout = global.setTimeout;
global.setTimeout = function (fn, ms, ...args) {
  const timer = originalSetTimeout(fn, ms, ...args);
  if (typeof ms === "number" && ms >= 5000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
const originalSetInterval = global.setInterval;
global.setInterval = function (fn, ms, ...args) {
  const timer = originalSetInterval(fn, ms, ...args);
  if (typeof ms === "number" && ms >= 5000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
