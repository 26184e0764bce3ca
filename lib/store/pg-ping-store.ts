import { randomUUID } from "node:crypto";
import pg from "pg";
import type { AppliedPing, PingCheckRow } from "../pings/apply-ping";
import { processPings, type PingUnitOfWork } from "../pings/process-ping";
import type { PingInput } from "../pings/types";
import { FLIPS_CHANNEL } from "../pings/wake";
import { CHECK_SELECT, WRITTEN_CHECK_COLUMNS } from "./check-columns";
import { PingStoreUnavailableError, type PingBatchResult, type PingStore } from "./ping-store";
import { FLIP_RETENTION_MS } from "../prune/retention";
import { sqlLiteral, sqlString, type SqlValue } from "./sql-literal";
import { getProbeResultValues, PROBE_RESULT_COLUMNS } from "./probe-result-row";
import { createThrottledLog } from "../throttled-log";

// Prisma's migrations create `timestamp(3)` (without time zone) columns holding UTC. node-pg
// would read and write them in the process's local zone, so dates cross this boundary as UTC
// text in both directions.
const TIMESTAMP_OID = 1114;
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === TIMESTAMP_OID) return (s: string) => new Date(`${s.replace(" ", "T")}Z`);
    return pg.types.getTypeParser(oid, format as "text");
  },
};
const utc = (d: Date | null): string | null => (d === null ? null : d.toISOString());

type Row = Record<string, unknown>;

/**
 * A row selected with CHECK_SELECT is already a PingCheckRow: columns are aliased to field
 * names and pg parses int, bool and (see `types` above) timestamp columns itself.
 */
const toCheck = (r: Row): PingCheckRow => r as unknown as PingCheckRow;

const logIdleConnectionError = createThrottledLog("PostgreSQL closed an idle connection of the ping pool (it reconnects on next use)");

/** node-pg's own query_timeout ("Query read timeout"), as opposed to an error from the server. */
function isClientTimeout(err: unknown): boolean {
  return err instanceof Error && err.message === "Query read timeout";
}

/**
 * The database, not this batch's data, is at fault: a client timeout, a dropped connection, or
 * a server error of class 08 (connection), 53 (insufficient resources) or 57 (operator
 * intervention: statement timeout, shutdown).
 */
function isUnavailable(err: unknown): boolean {
  if (isClientTimeout(err)) return true;
  if (err instanceof pg.DatabaseError) return /^(08|53|57)/.test(err.code ?? "");
  const code = (err as { code?: unknown }).code;
  return (
    (err instanceof Error && /Connection terminated/.test(err.message)) ||
    (typeof code === "string" && ["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"].includes(code))
  );
}

const FROM = "FROM checks c JOIN projects p ON p.id = c.project_id";

// ORDER BY id: concurrent batches lock shared checks in the same order, so never deadlock.
const LOCK_SQL = `SELECT c.code, ${CHECK_SELECT} ${FROM} WHERE c.code IN (%CODES%) ORDER BY c.id FOR UPDATE OF c`;

type Column = [name: string, type: Parameters<typeof sqlLiteral>[1]];

/** `(VALUES (...), ...) AS alias(cols)` with every literal escaped and cast. */
function values(alias: string, columns: Column[], rows: SqlValue[][]): string {
  const body = rows.map((row) => `(${row.map((v, i) => sqlLiteral(v, columns[i][1])).join(", ")})`).join(",\n");
  return `(VALUES ${body}) AS ${alias}(${columns.map((c) => c[0]).join(", ")})`;
}

// The check's id (to match the row) and every column a ping writes, from the column table.
const CHECK_COLS: Column[] = [["id", "int"], ...WRITTEN_CHECK_COLUMNS.map((c): Column => [c.column, c.type])];
const CHECK_SET = WRITTEN_CHECK_COLUMNS.map((c) => `${c.column} = v.${c.column}`).join(", ");

const PING_COLS: Column[] = [
  ["check_id", "int"],
  ["n", "int"],
  ["created_at", "timestamp"],
  ["kind", "text"],
  ["scheme", "text"],
  ["remote_addr", "text"],
  ["method", "text"],
  ["ua", "text"],
  ["body", "bytea"],
  ["exit_status", "int"],
  ["rid", "text"],
];
const FLIP_COLS: Column[] = [
  ["check_id", "int"],
  ["created_at", "timestamp"],
  ["old_status", "text"],
  ["new_status", "text"],
  ["reason", "text"],
];

/** Buffers one batch: locked check rows by code and id, and the writes to flush at the end. */
class PgBatch implements PingUnitOfWork {
  private readonly byCode = new Map<string, number>();
  private readonly byId = new Map<number, PingCheckRow>();
  private readonly saved: AppliedPing[] = [];

  constructor(private readonly client: pg.PoolClient) {}

  /** Opens the transaction and locks the checks pinged by UUID. */
  async begin(codes: string[]): Promise<void> {
    if (codes.length === 0) {
      await this.client.query("BEGIN");
      return;
    }
    // BEGIN travels with the lock query: one round trip instead of two.
    const sql = `BEGIN; ${LOCK_SQL.replace("%CODES%", codes.map(sqlString).join(", "))}`;
    const results = (await this.client.query(sql)) as unknown as pg.QueryResult[];
    for (const r of results[1].rows as Row[]) this.remember(r.code as string, toCheck(r));
  }

  private remember(code: string | null, check: PingCheckRow): PingCheckRow {
    if (code) this.byCode.set(code, check.id);
    return this.byId.get(check.id) ?? (this.byId.set(check.id, check), check);
  }

  async findCheckByCode(code: string): Promise<PingCheckRow | null> {
    const id = this.byCode.get(code);
    return id === undefined ? null : (this.byId.get(id) ?? null);
  }

  async findChecksBySlug(pingKey: string, slug: string): Promise<PingCheckRow[]> {
    const { rows } = await this.client.query(
      `SELECT c.code, ${CHECK_SELECT} ${FROM} WHERE p.ping_key = $1 AND c.slug = $2 ORDER BY c.id LIMIT 2 FOR UPDATE OF c`,
      [pingKey, slug],
    );
    return (rows as Row[]).map((r) => this.remember(r.code as string, toCheck(r)));
  }

  async createCheckForSlug(pingKey: string, slug: string, now: Date): Promise<PingCheckRow | null> {
    const { rows } = await this.client.query(
      `SELECT p.id, u.check_limit,
         (SELECT COUNT(*) FROM checks WHERE project_id IN (SELECT id FROM projects WHERE owner_id = p.owner_id))::int AS n
       FROM projects p JOIN users u ON u.id = p.owner_id WHERE p.ping_key = $1`,
      [pingKey],
    );
    const project = rows[0] as { id: number; check_limit: number; n: number } | undefined;
    if (!project || project.n >= project.check_limit * 2) return null;
    const code = randomUUID();
    const inserted = await this.client.query(
      "INSERT INTO checks (code, project_id, name, slug, created_at, badge_key) VALUES ($1, $2, $3, $3, $4, $5) RETURNING id",
      [code, project.id, slug, utc(now), randomUUID()],
    );
    const id = (inserted.rows[0] as { id: number }).id;
    await this.client.query(
      "INSERT INTO channel_checks (channel_id, check_id) SELECT id, $1 FROM channels WHERE project_id = $2",
      [id, project.id],
    );
    const { rows: created } = await this.client.query(`SELECT c.code, ${CHECK_SELECT} ${FROM} WHERE c.id = $1`, [id]);
    return this.remember(code, toCheck(created[0] as Row));
  }

  async save(applied: AppliedPing): Promise<void> {
    this.byId.set(applied.check.id, applied.check);
    this.saved.push(applied);
  }

  /**
   * Writes the whole batch as one statement (data-modifying CTEs) followed by COMMIT, sent as a
   * single simple-protocol query: a batch costs two round trips however many pings it holds.
   * Round trips, not CPU, bounded throughput here (~1 ms each under load on 2 cores).
   */
  async commit(): Promise<void> {
    if (this.saved.length === 0) {
      await this.client.query("COMMIT");
      return;
    }
    // A check pinged twice in one batch is written once, with its final state.
    const checks = [...new Map(this.saved.map((a) => [a.check.id, a.check])).values()];
    const flips = this.saved.flatMap((a) => (a.flip ? [a.flip] : []));
    const probeResults = this.saved.flatMap((a) => (a.probeResult ? [getProbeResultValues(a.check.id, a.probeResult)] : []));
    const prunes = this.saved.filter((a) => a.pruneUpTo !== null);
    // The statement's DELETE cannot see rows its own INSERT adds, so pings this batch prunes at
    // once are not written at all (as if deleted, like the SQLite store). Saved in n order, so
    // the map keeps each check's highest pruneUpTo.
    const prunedUpTo = new Map(prunes.map((a) => [a.check.id, a.pruneUpTo ?? 0]));
    const written = this.saved.filter(({ ping: p }) => p.n > (prunedUpTo.get(p.checkId) ?? 0));
    const ctes = [
      `upd AS (UPDATE checks SET ${CHECK_SET}
        FROM ${values("v", CHECK_COLS, checks.map((c) => [c.id, ...WRITTEN_CHECK_COLUMNS.map((col) => c[col.field])]))}
        WHERE checks.id = v.id)`,
      `ins AS (INSERT INTO pings (${PING_COLS.map((c) => c[0]).join(", ")}) SELECT * FROM ${values(
        "p",
        PING_COLS,
        written.map(({ ping: p }) => [p.checkId, p.n, p.createdAt, p.kind, p.scheme, p.remoteAddr, p.method, p.ua, p.body, p.exitStatus, p.rid]),
      )})`,
    ];
    if (flips.length > 0) {
      ctes.push(
        `fl AS (INSERT INTO flips (${FLIP_COLS.map((c) => c[0]).join(", ")}) SELECT * FROM ${values(
          "f",
          FLIP_COLS,
          flips.map((f) => [f.checkId, f.createdAt, f.oldStatus, f.newStatus, f.reason]),
        )})`,
      );
    }
    if (probeResults.length > 0) {
      const columns: Column[] = PROBE_RESULT_COLUMNS.map(([name, type]) => [name, type]);
      ctes.push(`prs AS (INSERT INTO probe_results (${columns.map((c) => c[0]).join(", ")}) SELECT * FROM ${values("r", columns, probeResults)})`);
    }
    if (prunes.length > 0) {
      const pairs = prunes.map((a) => `(${sqlLiteral(a.check.id, "int")}, ${sqlLiteral(a.pruneUpTo, "int")})`).join(", ");
      ctes.push(`pr AS (DELETE FROM pings USING (VALUES ${pairs}) AS x(check_id, n) WHERE pings.check_id = x.check_id AND pings.n <= x.n)`);
      // Healthchecks' Check.prune(): notifications older than the oldest kept ping, and flips
      // older than that and than the flip retention. Every CTE sees the snapshot from before
      // this statement, so when all kept pings are in this batch the oldest one is this ping
      // (a batch shares one timestamp). By n, not created_at: one probe of the primary key.
      const kept = prunes
        .map((a) => `(${sqlLiteral(a.check.id, "int")}, ${sqlLiteral(a.pruneUpTo, "int")}, ${sqlLiteral(a.ping.createdAt, "timestamp")})`)
        .join(", ");
      ctes.push(
        `kept AS (SELECT x.check_id, x.at, COALESCE((SELECT created_at FROM pings WHERE pings.check_id = x.check_id AND pings.n > x.n
          ORDER BY pings.n LIMIT 1), x.at) AS oldest FROM (VALUES ${kept}) AS x(check_id, n, at))`,
        `prn AS (DELETE FROM notifications USING kept WHERE notifications.check_id = kept.check_id AND notifications.created_at < kept.oldest)`,
        `prf AS (DELETE FROM flips USING kept WHERE flips.check_id = kept.check_id
          AND flips.created_at < LEAST(kept.oldest, kept.at - ${sqlLiteral(FLIP_RETENTION_MS / 1000, "int")} * interval '1 second'))`,
      );
    }
    const notify = flips.length > 0 ? `SELECT pg_notify('${FLIPS_CHANNEL}', '')` : "SELECT 1";
    await this.client.query(`WITH ${ctes.join(",\n")}\n${notify}; COMMIT`);
  }

}

/**
 * Bounds on waiting for PostgreSQL, so a database that hangs (frozen, unreachable, a lock held
 * for long) gives pings a 503 within seconds instead of no answer. The server cancels a
 * statement after STATEMENT_TIMEOUT_MS; the client gives up a little later on its own, for when
 * the server cannot even answer (then the connection is dropped, not reused).
 */
export const PG_TIMEOUTS = { connectMs: 5_000, statementMs: 5_000, queryMs: 6_000 };

export class PgPingStore implements PingStore {
  private readonly pool: pg.Pool;

  constructor(connectionString: string, poolSize: number, timeouts = PG_TIMEOUTS) {
    this.pool = new pg.Pool({
      connectionString,
      max: poolSize,
      types,
      connectionTimeoutMillis: timeouts.connectMs,
      statement_timeout: timeouts.statementMs,
      query_timeout: timeouts.queryMs,
    });
    // An idle pooled connection that PostgreSQL closes (restart, failover, idle timeout) is
    // reported here; without a listener the 'error' event would end the process. The pool
    // replaces the connection on next use.
    this.pool.on("error", logIdleConnectionError);
  }

  async recordBatch(inputs: PingInput[], now: Date): Promise<PingBatchResult> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw new PingStoreUnavailableError(err);
    }
    let broken: Error | undefined;
    try {
      const batch = new PgBatch(client);
      await batch.begin([...new Set(inputs.flatMap((i) => ("code" in i.target ? [i.target.code] : [])))]);
      const processed = await processPings(batch, inputs, now);
      await batch.commit();
      return processed;
    } catch (err) {
      // After a client-side timeout the connection is mid-query: drop it rather than wait on a
      // ROLLBACK that could hang just the same.
      if (isClientTimeout(err)) broken = err as Error;
      else await client.query("ROLLBACK").catch((rollbackErr: unknown) => (broken = rollbackErr as Error));
      throw isUnavailable(err) ? new PingStoreUnavailableError(err) : err;
    } finally {
      client.release(broken);
    }
  }

  /** Connections of this store's pool, for /metrics. */
  getPoolStats(): { total: number; idle: number; waiting: number } {
    return { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
