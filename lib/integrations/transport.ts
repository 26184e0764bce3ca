// The contract every integration implements. deliverFlip() (lib/alerts) calls isNoop() to skip
// channels that ignore this status, then notify(); a transport reports failure only by throwing
// TransportError (lib/errors.ts, where lib/http.ts can throw it too without importing a
// feature), whose `permanent` flag makes deliverFlip disable the channel.
import type { Channel, Check, Flip, Ping, Project } from "../db";

/** What a transport gets for one delivery. */
export interface NotifyContext {
  flip: Flip;
  check: Check & { project: Project };
  channel: Channel;
  /** The Notification row's code (for callbacks and bounce ids). */
  notificationCode: string;
  /** Test sends ("Send test notification") do not retry. */
  isTest: boolean;
  /** The last ping received at or before the flip, loaded once on first use. */
  getLastPing(): Promise<Ping | null>;
  /**
   * Delivers this flip to other channels of the channel's project by code (the group kind's
   * members; groups among them are skipped), each recorded like a channel of its own. Set by
   * lib/alerts, so an integration never needs to know the others. Resolves to how many channels
   * were notified and how many of those failed.
   */
  deliverToChannels?(codes: string[]): Promise<{ total: number; failed: number }>;
}

export interface Transport {
  readonly kind: string;
  /** True if this channel ignores flips to `flip.newStatus` (no Notification row is written). */
  isNoop(channel: Channel, flip: Flip): boolean;
  /** Resolves when delivered; throws TransportError on failure. */
  notify(ctx: NotifyContext): Promise<void>;
}
