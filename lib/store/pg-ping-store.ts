import { randomUUID } from "node:crypto";
import pg from "pg";
import type { AppliedPing, PingCheckRow } from "../pings/apply-ping";
import { processPing, type PingUnitOfWork } from "../pings/process-ping";
import type { PingInput, PingResult } from "../pings/types";
import { CHECK_COLUMNS, type PingBatchResult, type PingStore } from "./ping-store";

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

function toCheck(r: Row): PingCheckRow {
  return {
    id: r.id as number,
    kind: r.kind as string,
    timeout: r.timeout as number,
    grace: r.grace as number,
    schedule: r.schedule as string,
    tz: r.tz as string,
    status: r.status as string,
    lastPing: r.last_ping as Date | null,
    lastStart: r.last_start as Date | null,
    lastStartRid: r.last_start_rid as string | null,
    lastDuration: r.last_duration as number | null,
    nPings: r.n_pings as number,
    manualResume: r.manual_resume as boolean,
    methods: r.methods as string,
    filterSubject: r.filter_subject as boolean,
    filterBody: r.filter_body as boolean,
    filterHttpBody: r.filter_http_body as boolean,
    filterDefaultFail: r.filter_default_fail as boolean,
    startKw: r.start_kw as string,
    successKw: r.success_kw as string,
    failureKw: r.failure_kw as string,
    hasConfirmationLink: r.has_confirmation_link as boolean,
    alertAfter: r.alert_after as Date | null,
    pingLogLimit: r.ping_log_limit as number,
  };
}

const FROM = "FROM checks c JOIN projects p ON p.id = c.project_id";

// All writes of a batch in one statement: data-modifying CTEs over unnest()ed arrays, so a batch
// costs four round trips (BEGIN, lock, write, COMMIT) however many pings it holds.
const WRITE_SQL = `
WITH upd AS (
  UPDATE checks SET status = v.status, last_ping = v.last_ping, last_start = v.last_start,
    last_start_rid = v.last_start_rid, last_duration = v.last_duration, n_pings = v.n_pings,
    has_confirmation_link = v.hcl, alert_after = v.alert_after
  FROM unnest($1::int[], $2::text[], $3::timestamp[], $4::timestamp[], $5::text[], $6::int[], $7::int[],
    $8::bool[], $9::timestamp[]) AS v(id, status, last_ping, last_start, last_start_rid, last_duration,
    n_pings, hcl, alert_after)
  WHERE checks.id = v.id
), ins AS (
  INSERT INTO pings (check_id, n, created_at, kind, scheme, remote_addr, method, ua, body, exit_status, rid)
  SELECT * FROM unnest($10::int[], $11::int[], $12::timestamp[], $13::text[], $14::text[], $15::text[],
    $16::text[], $17::text[], $18::bytea[], $19::int[], $20::text[])
), fl AS (
  INSERT INTO flips (check_id, created_at, old_status, new_status, reason)
  SELECT * FROM unnest($21::int[], $22::timestamp[], $23::text[], $24::text[], $25::text[])
), pr AS (
  DELETE FROM pings USING unnest($26::int[], $27::int[]) AS x(check_id, n)
  WHERE pings.check_id = x.check_id AND pings.n <= x.n
)
SELECT CASE WHEN cardinality($21::int[]) > 0 THEN pg_notify('vigil_flips', '') END`;

/** Buffers one batch: locked check rows by code and id, and the writes to flush at the end. */
class PgBatch implements PingUnitOfWork {
  private readonly byCode = new Map<string, number>();
  private readonly byId = new Map<number, PingCheckRow>();
  private readonly saved: AppliedPing[] = [];

  constructor(private readonly client: pg.PoolClient) {}

  async lock(codes: string[]): Promise<void> {
    if (codes.length === 0) return;
    // ORDER BY id: concurrent batches lock shared checks in the same order, so never deadlock.
    const { rows } = await this.client.query(
      `SELECT c.code, ${CHECK_COLUMNS} ${FROM} WHERE c.code = ANY($1::text[]) ORDER BY c.id FOR UPDATE OF c`,
      [codes],
    );
    for (const r of rows as Row[]) this.remember(r.code as string, toCheck(r));
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
      `SELECT c.code, ${CHECK_COLUMNS} ${FROM} WHERE p.ping_key = $1 AND c.slug = $2 ORDER BY c.id LIMIT 2 FOR UPDATE OF c`,
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
    const { rows: created } = await this.client.query(`SELECT c.code, ${CHECK_COLUMNS} ${FROM} WHERE c.id = $1`, [id]);
    return this.remember(code, toCheck(created[0] as Row));
  }

  async save(applied: AppliedPing): Promise<void> {
    this.byId.set(applied.check.id, applied.check);
    this.saved.push(applied);
  }

  async flush(): Promise<void> {
    if (this.saved.length === 0) return;
    // A check pinged twice in one batch is written once, with its final state.
    const finalChecks = [...new Map(this.saved.map((a) => [a.check.id, a.check])).values()];
    const flips = this.saved.flatMap((a) => (a.flip ? [a.flip] : []));
    const prunes = this.saved.filter((a) => a.pruneUpTo !== null);
    const pings = this.saved.map((a) => a.ping);
    await this.client.query(WRITE_SQL, [
      finalChecks.map((c) => c.id),
      finalChecks.map((c) => c.status),
      finalChecks.map((c) => utc(c.lastPing)),
      finalChecks.map((c) => utc(c.lastStart)),
      finalChecks.map((c) => c.lastStartRid),
      finalChecks.map((c) => c.lastDuration),
      finalChecks.map((c) => c.nPings),
      finalChecks.map((c) => c.hasConfirmationLink),
      finalChecks.map((c) => utc(c.alertAfter)),
      pings.map((p) => p.checkId),
      pings.map((p) => p.n),
      pings.map((p) => utc(p.createdAt)),
      pings.map((p) => p.kind),
      pings.map((p) => p.scheme),
      pings.map((p) => p.remoteAddr),
      pings.map((p) => p.method),
      pings.map((p) => p.ua),
      pings.map((p) => p.body),
      pings.map((p) => p.exitStatus),
      pings.map((p) => p.rid),
      flips.map((f) => f.checkId),
      flips.map((f) => utc(f.createdAt)),
      flips.map((f) => f.oldStatus),
      flips.map((f) => f.newStatus),
      flips.map((f) => f.reason),
      prunes.map((a) => a.check.id),
      prunes.map((a) => a.pruneUpTo),
    ]);
  }
}

export class PgPingStore implements PingStore {
  private readonly pool: pg.Pool;

  constructor(connectionString: string, poolSize: number) {
    this.pool = new pg.Pool({ connectionString, max: poolSize, types });
  }

  async recordBatch(inputs: PingInput[], now: Date): Promise<PingBatchResult> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const batch = new PgBatch(client);
      await batch.lock([...new Set(inputs.flatMap((i) => ("code" in i.target ? [i.target.code] : [])))]);
      const results: PingResult[] = [];
      let flipsCreated = 0;
      for (const input of inputs) {
        const { result, flipCreated } = await processPing(batch, input, now);
        results.push(result);
        if (flipCreated) flipsCreated++;
      }
      await batch.flush();
      await client.query("COMMIT");
      return { results, flipsCreated };
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
