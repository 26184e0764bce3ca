// The one PrismaClient. DATABASE_URL picks SQLite (default) or PostgreSQL; the app is typed
// against the SQLite client (the common subset of both) and the PostgreSQL client is cast to it
// here, in one place. The ping hot path does not use Prisma (see lib/store/).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Database as BetterSqliteConnection } from "better-sqlite3";
import { getEnv } from "./env";
import { onClose } from "./lifecycle";
import { PrismaClient } from "./generated/sqlite/client";
import { PrismaClient as PgPrismaClient } from "./generated/postgres/client";

export type Db = InstanceType<typeof PrismaClient>;
export { Prisma } from "./generated/sqlite/client";
export type * from "./generated/sqlite/client";
import type { Prisma } from "./generated/sqlite/client";

/** A transaction's client: what verbs receive as `tx` to join an outer transaction. */
export type Tx = Prisma.TransactionClient;

/**
 * Per-connection settings: WAL lets readers run beside the ping writer; FKs give cascades;
 * SQLITE_SYNCHRONOUS picks NORMAL (survives a killed process) or FULL (also a power loss),
 * the same as the ping store's.
 */
export function getSqlitePragmas(): string {
  return `PRAGMA journal_mode=WAL; PRAGMA synchronous=${getEnv().sqliteSynchronous}; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;`;
}

/**
 * Prisma's SQLite adapter opens transactions with a deferred BEGIN, which takes a read snapshot
 * at the first read; when another connection (the ping store, sendalerts in another process)
 * commits before the transaction's first write, that write fails at once with
 * SQLITE_BUSY_SNAPSHOT. Verbs read (the access check) before they write, so their transactions
 * begin with BEGIN IMMEDIATE instead: the write lock is taken, waiting up to busy_timeout, before
 * anything is read. The adapter (6.19.3) runs its BEGIN through the connection's prepare(), the
 * one place this can be changed; tests/store/sqlite-transactions.test.ts fails if that changes.
 */
function beginImmediately(connection: BetterSqliteConnection): void {
  const prepare = connection.prepare.bind(connection);
  connection.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof connection.prepare;
}

class SqliteAdapterFactory extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(getSqlitePragmas());
    beginImmediately((adapter as unknown as { client: BetterSqliteConnection }).client);
    return adapter;
  }
}

let client: Db | undefined;
let clientUrl: string | undefined;

export function getDb(): Db {
  const { database } = getEnv();
  if (client && clientUrl === database.url) return client;
  if (database.kind === "sqlite") {
    const adapter = new SqliteAdapterFactory({ url: database.url }, { timestampFormat: "unixepoch-ms" });
    client = new PrismaClient({ adapter });
  } else {
    // Without a connect timeout, pages wait forever on a database that does not answer.
    const adapter = new PrismaPg({ connectionString: database.url, max: 10, connectionTimeoutMillis: 5_000 });
    // Same models and enums; only PostgreSQL-only input options differ, which we do not use.
    client = new PgPrismaClient({ adapter }) as unknown as Db;
  }
  clientUrl = database.url;
  onClose("prisma", disconnectDb);
  return client;
}

export async function disconnectDb(): Promise<void> {
  const c = client;
  client = undefined;
  clientUrl = undefined;
  await c?.$disconnect();
}

/**
 * Runs `work` in the caller's transaction when one is given, else in a new one. Verbs take an
 * optional `tx` this way so that a caller can make several of them one atomic change.
 */
export function inTransaction<T>(tx: Tx | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
  return tx ? work(tx) : getDb().$transaction(work);
}
