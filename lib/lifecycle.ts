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
