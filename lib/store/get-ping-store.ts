import { getEnv } from "../env";
import { onClose } from "../lifecycle";
import { gaugeSources } from "../metrics/tallies";
import type { PingStore } from "./ping-store";
import { PgPingStore } from "./pg-ping-store";
import { SqlitePingStore } from "./sqlite-ping-store";

let store: PingStore | undefined;

/** The ping store for DATABASE_URL, created on first use and closed by closeAll(). */
export function getPingStore(): PingStore {
  if (store) return store;
  const { database } = getEnv();
  const created =
    database.kind === "sqlite"
      ? new SqlitePingStore(database.sqlitePath!, getEnv().sqliteSynchronous)
      : new PgPingStore(database.url, PG_POOL_SIZE);
  store = created;
  onClose("ping-store", async () => {
    if (store === created) store = undefined;
    await created.close();
  });
  return created;
}

// The PostgreSQL ping store's pool use, for /metrics; null on SQLite or before the first ping.
gaugeSources.pingStorePool = () => (store instanceof PgPingStore ? store.getPoolStats() : null);

/** Concurrent batches on PostgreSQL: enough to overlap round trips, few enough to share CPUs. */
export const PG_POOL_SIZE = 6;

/** How many batches may run at once: SQLite has one writer, so one. */
export function getMaxConcurrentBatches(): number {
  return getEnv().database.kind === "sqlite" ? 1 : PG_POOL_SIZE;
}
