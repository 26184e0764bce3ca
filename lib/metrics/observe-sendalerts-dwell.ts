import { tallies } from "./tallies";

/**
 * Records how long a flip waited in the outbox: from its creation (for a going-down flip, the
 * deadline it passed) until its notifications were done.
 */
export function observeSendalertsDwell(flipCreatedAt: Date, now = Date.now()): void {
  tallies.sendalertsDwell.observe(Math.max(0, now - flipCreatedAt.getTime()) / 1000);
}
