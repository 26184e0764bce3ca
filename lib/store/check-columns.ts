import type { PingCheckRow } from "../pings/apply-ping";

/**
 * The one list of the check columns the ping path reads and writes. Both ping stores derive
 * from it their SELECT list, their row mapping, the UPDATE and (PostgreSQL) the batch CTE, so
 * a new column is added here and nowhere else. tests/store/check-columns.test.ts fails when
 * this table drifts from prisma/models.prisma.
 */
export type ColumnType = "int" | "text" | "bool" | "timestamp";

/** The column type a field's TypeScript type needs, so a mismatch fails the type check. */
type ColumnTypeOf<T> = T extends boolean ? "bool" : T extends number ? "int" : T extends string ? "text" : T extends Date ? "timestamp" : never;

export interface ColumnSpec<T extends ColumnType = ColumnType, N extends boolean = boolean> {
  /** The table: checks (c) or projects (p, joined on the check's project). */
  table: "checks" | "projects";
  /** The SQL column name. */
  column: string;
  type: T;
  /** Can be NULL. */
  nullable: N;
  /** Written back by every ping (what applyPing changes); the others are only read. */
  written: boolean;
}

/** Each field of PingCheckRow, with the column type and nullability its TypeScript type needs. */
type ColumnTable = {
  [K in keyof PingCheckRow]-?: ColumnSpec<ColumnTypeOf<NonNullable<PingCheckRow[K]>>, null extends PingCheckRow[K] ? true : false>;
};

const read = <T extends ColumnType>(column: string, type: T) => ({ table: "checks", column, type, nullable: false, written: false }) as const;
const readWrite = <T extends ColumnType>(column: string, type: T) => ({ table: "checks", column, type, nullable: false, written: true }) as const;
const readWriteNullable = <T extends ColumnType>(column: string, type: T) => ({ table: "checks", column, type, nullable: true, written: true }) as const;

export const CHECK_COLUMN_TABLE: ColumnTable = {
  id: read("id", "int"),
  kind: read("kind", "text"),
  timeout: read("timeout", "int"),
  grace: read("grace", "int"),
  schedule: read("schedule", "text"),
  tz: read("tz", "text"),
  status: readWrite("status", "text"),
  lastPing: readWriteNullable("last_ping", "timestamp"),
  lastStart: readWriteNullable("last_start", "timestamp"),
  lastStartRid: readWriteNullable("last_start_rid", "text"),
  lastDuration: readWriteNullable("last_duration", "int"),
  nPings: readWrite("n_pings", "int"),
  manualResume: read("manual_resume", "bool"),
  methods: read("methods", "text"),
  filterSubject: read("filter_subject", "bool"),
  filterBody: read("filter_body", "bool"),
  filterHttpBody: read("filter_http_body", "bool"),
  filterDefaultFail: read("filter_default_fail", "bool"),
  startKw: read("start_kw", "text"),
  successKw: read("success_kw", "text"),
  failureKw: read("failure_kw", "text"),
  hasConfirmationLink: readWrite("has_confirmation_link", "bool"),
  alertAfter: readWriteNullable("alert_after", "timestamp"),
  failureThreshold: read("failure_threshold", "int"),
  consecutiveFailures: readWrite("consecutive_failures", "int"),
  reminderInterval: read("reminder_interval", "int"),
  nextReminderAt: readWriteNullable("next_reminder_at", "timestamp"),
  pingLogLimit: { table: "projects", column: "ping_log_limit", type: "int", nullable: false, written: false },
};

export type CheckField = keyof PingCheckRow;
export interface CheckColumn extends ColumnSpec {
  field: CheckField;
}

export const CHECK_COLUMNS: readonly CheckColumn[] = (Object.keys(CHECK_COLUMN_TABLE) as CheckField[]).map((field) => ({
  field,
  ...CHECK_COLUMN_TABLE[field],
}));

/** The columns every ping writes back, the check's id excluded (it is the WHERE). */
export const WRITTEN_CHECK_COLUMNS = CHECK_COLUMNS.filter((c) => c.written);

/**
 * The SELECT list for `FROM checks c JOIN projects p ON p.id = c.project_id`, each column
 * aliased to its field name: PostgreSQL rows then need no mapping at all, SQLite rows only
 * their booleans and dates converted (see the stores).
 */
export const CHECK_SELECT = CHECK_COLUMNS.map((c) => `${c.table === "checks" ? "c" : "p"}.${c.column} AS "${c.field}"`).join(", ");
