// Modules that hold connections (Prisma, the ping store, pools) register how to close them, so
// a process can shut down cleanly on SIGTERM and tests can switch databases between suites.
type Closer = () => Promise<void> | void;

const closers = new Map<string, Closer>();

export function onClose(name: string, close: Closer): void {
  closers.set(name, close);
}

export async function closeAll(): Promise<void> {
  const pending = [...closers.values()];
  closers.clear();
  await Promise.allSettled(pending.map((close) => close()));
}

/**
 * What an error nothing caught does: log it and exit with status 1, so the supervisor (systemd,
 * Docker, Kubernetes) restarts a process whose state is unknown. Requests and worker ticks
 * catch their own errors; what arrives here escaped them (a listener without an error handler,
 * a throw in a timer). Once loaded, Next adds a process-wide handler that only logs; this one
 * still runs and decides. Unhandled promise rejections keep Next's rule (logged, not fatal):
 * rendering leaves some by design. Without Next, Node's default makes them fatal too.
 */
export function exitOnUncaughtException(): void {
  process.on("uncaughtException", (err) => {
    process.stderr.write(`vigil: uncaught error, exiting so that the supervisor restarts the process:\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
