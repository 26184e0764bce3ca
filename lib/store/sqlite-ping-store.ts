import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import type { AppliedPing, PingCheckRow } from "../pings/apply-ping";
import { processPings, type PingUnitOfWork } from "../pings/process-ping";
import type { PingInput, PingResult } from "../pings/types";
import { FLIP_RETENTION_MS } from "../prune/retention";
import { CHECK_COLUMNS, CHECK_SELECT, WRITTEN_CHECK_COLUMNS, type ColumnType } from "./check-columns";
import { getProbeResultValues, PROBE_RESULT_COLUMNS } from "./probe-result-row";
import type { PingBatchResult, PingStore } from "./ping-store";

// Dates are stored as integer milliseconds: Prisma's SQLite adapter is configured with
// timestampFormat "unixepoch-ms" (lib/db.ts), so both sides read and write the same values.
type Row = Record<string, unknown>;

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(Number(v)));
const ms = (d: Date | null): number | null => (d === null ? null : d.getTime());

const BOOL_FIELDS = CHECK_COLUMNS.filter((c) => c.type === "bool").map((c) => c.field);
const DATE_FIELDS = CHECK_COLUMNS.filter((c) => c.type === "timestamp").map((c) => c.field);

/** A row selected with CHECK_SELECT: SQLite returns booleans as 0/1 and dates as numbers. */
function toCheck(r: Row): PingCheckRow {
  for (const f of BOOL_FIELDS) r[f] = r[f] === 1;
  for (const f of DATE_FIELDS) r[f] = date(r[f]);
  return r as unknown as PingCheckRow;
}

/** A field's value as this store writes it. */
function toSqlite(type: ColumnType, v: unknown): unknown {
  if (type === "bool") return v ? 1 : 0;
  if (type === "timestamp") return ms(v as Date | null);
  return v;
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}

const sleep = (msDelay: number) => new Promise((resolve) => setTimeout(resolve, msDelay));

export class SqlitePingStore implements PingStore {
  private readonly db: Database.Database;
  private readonly stmt;

  constructor(file: string, synchronous: "NORMAL" | "FULL" = "NORMAL") {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    // NORMAL in WAL mode syncs at checkpoints, not at every commit: a killed process loses
    // nothing, a power loss or OS crash may lose the last pings already answered OK. FULL
    // (SQLITE_SYNCHRONOUS=FULL) syncs every commit; group commit keeps that affordable.
    this.db.pragma(`synchronous = ${synchronous}`);
    this.db.pragma("foreign_keys = ON");
    // No busy wait: better-sqlite3 is synchronous, so waiting here would block the event loop
    // while a Prisma transaction in this same process holds the write lock and needs that loop
    // to finish. recordBatch retries asynchronously instead.
    this.db.pragma("busy_timeout = 0");
    const from = "FROM checks c JOIN projects p ON p.id = c.project_id";
    this.stmt = {
      begin: this.db.prepare("BEGIN IMMEDIATE"),
      commit: this.db.prepare("COMMIT"),
      rollback: this.db.prepare("ROLLBACK"),
      byCode: this.db.prepare(`SELECT ${CHECK_SELECT} ${from} WHERE c.code = ?`),
      bySlug: this.db.prepare(`SELECT ${CHECK_SELECT} ${from} WHERE p.ping_key = ? AND c.slug = ? LIMIT 2`),
      byId: this.db.prepare(`SELECT ${CHECK_SELECT} ${from} WHERE c.id = ?`),
      project: this.db.prepare(
        "SELECT p.id, u.check_limit FROM projects p JOIN users u ON u.id = p.owner_id WHERE p.ping_key = ?",
      ),
      ownerChecks: this.db.prepare(
        "SELECT COUNT(*) AS n FROM checks WHERE project_id IN (SELECT id FROM projects WHERE owner_id = (SELECT owner_id FROM projects WHERE id = ?))",
      ),
      insertCheck: this.db.prepare(
        "INSERT INTO checks (code, project_id, name, slug, created_at, badge_key) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      assignAll: this.db.prepare(
        "INSERT INTO channel_checks (channel_id, check_id) SELECT id, ? FROM channels WHERE project_id = ?",
      ),
      updateCheck: this.db.prepare(
        `UPDATE checks SET ${WRITTEN_CHECK_COLUMNS.map((c) => `${c.column} = ?`).join(", ")} WHERE id = ?`,
      ),
      insertPing: this.db.prepare(
        `INSERT INTO pings (check_id, n, created_at, kind, scheme, remote_addr, method, ua, body, exit_status, rid)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertFlip: this.db.prepare(
        "INSERT INTO flips (check_id, created_at, old_status, new_status, reason) VALUES (?, ?, ?, ?, ?)",
      ),
      insertProbeResult: this.db.prepare(
        `INSERT INTO probe_results (${PROBE_RESULT_COLUMNS.map((c) => c[0]).join(", ")}) VALUES (${PROBE_RESULT_COLUMNS.map(() => "?").join(", ")})`,
      ),
      prune: this.db.prepare("DELETE FROM pings WHERE check_id = ? AND n <= ?"),
      // By n, not created_at: one probe of the (check_id, n) primary key.
      oldestKept: this.db.prepare("SELECT created_at FROM pings WHERE check_id = ? AND n > ? ORDER BY n LIMIT 1").pluck(),
      pruneNotifications: this.db.prepare("DELETE FROM notifications WHERE check_id = ? AND created_at < ?"),
      pruneFlips: this.db.prepare("DELETE FROM flips WHERE check_id = ? AND created_at < ?"),
    };
  }

  // Every method is synchronous underneath; the async signatures only satisfy the shared
  // PingUnitOfWork, and awaiting them never yields to other I/O mid-transaction.
  private readonly uow: PingUnitOfWork = {
    findCheckByCode: async (code) => {
      const row = this.stmt.byCode.get(code) as Row | undefined;
      return row ? toCheck(row) : null;
    },
    findChecksBySlug: async (pingKey, slug) => (this.stmt.bySlug.all(pingKey, slug) as Row[]).map(toCheck),
    createCheckForSlug: async (pingKey, slug, now) => {
      const project = this.stmt.project.get(pingKey) as { id: number; check_limit: number } | undefined;
      if (!project) return null;
      const { n } = this.stmt.ownerChecks.get(project.id) as { n: number };
      if (n >= project.check_limit * 2) return null;
      const info = this.stmt.insertCheck.run(randomUUID(), project.id, slug, slug, now.getTime(), randomUUID());
      this.stmt.assignAll.run(info.lastInsertRowid, project.id);
      return toCheck(this.stmt.byId.get(info.lastInsertRowid) as Row);
    },
    save: async ({ check: c, ping: p, flip, probeResult, pruneUpTo }: AppliedPing) => {
      this.stmt.updateCheck.run(...WRITTEN_CHECK_COLUMNS.map((col) => toSqlite(col.type, c[col.field])), c.id);
      this.stmt.insertPing.run(
        p.checkId,
        p.n,
        p.createdAt.getTime(),
        p.kind,
        p.scheme,
        p.remoteAddr,
        p.method,
        p.ua,
        p.body,
        p.exitStatus,
        p.rid,
      );
      if (probeResult) {
        this.stmt.insertProbeResult.run(...getProbeResultValues(c.id, probeResult).map((v) => (v instanceof Date ? v.getTime() : v)));
      }
      if (flip) {
        this.stmt.insertFlip.run(flip.checkId, flip.createdAt.getTime(), flip.oldStatus, flip.newStatus, flip.reason);
      }
      if (pruneUpTo !== null) {
        // Healthchecks' Check.prune(): notifications older than the oldest kept ping, and flips
        // older than that and than the flip retention. The ping just inserted is always kept.
        this.stmt.prune.run(c.id, pruneUpTo);
        const oldest = this.stmt.oldestKept.get(c.id, pruneUpTo) as number;
        this.stmt.pruneNotifications.run(c.id, oldest);
        this.stmt.pruneFlips.run(c.id, Math.min(oldest, p.createdAt.getTime() - FLIP_RETENTION_MS));
      }
    },
  };

  async recordBatch(inputs: PingInput[], now: Date): Promise<PingBatchResult> {
    // Another writer (a Prisma transaction here, sendalerts in another process) may hold the
    // lock for a moment: back off and retry for up to ~10 s before answering 503.
    for (let attempt = 0; ; attempt++) {
      try {
        this.stmt.begin.run();
        break;
      } catch (err) {
        if (!isBusy(err) || attempt >= 200) {
          if (isBusy(err)) return { results: inputs.map(() => BUSY), recorded: [] };
          throw err;
        }
        await sleep(Math.min(1 + attempt, 50));
      }
    }
    try {
      const batch = await processPings(this.uow, inputs, now);
      this.stmt.commit.run();
      return batch;
    } catch (err) {
      if (this.db.inTransaction) this.stmt.rollback.run();
      throw err;
    }
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

const BUSY: PingResult = { status: 503, body: "busy" };
