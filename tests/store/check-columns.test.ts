// The ping stores read and write checks through one column table (lib/store/check-columns.ts).
// These tests fail when that table drifts from the Prisma model or from PingCheckRow.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { PingCheckRow } from "../../lib/pings/apply-ping";
import { CHECK_COLUMNS, CHECK_SELECT, WRITTEN_CHECK_COLUMNS, type ColumnType } from "../../lib/store/check-columns";

interface ModelField {
  name: string;
  column: string;
  type: string;
  optional: boolean;
}

/** Each model's table name and scalar fields, read from prisma/models.prisma. */
function readModels(file: string): Map<string, ModelField[]> {
  const source = fs.readFileSync(file, "utf8");
  const tables = new Map<string, ModelField[]>();
  for (const [, name, body] of source.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const table = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? name;
    const fields: ModelField[] = [];
    for (const line of body.split("\n")) {
      const m = /^\s+(\w+)\s+(\w+)(\?|\[\])?(.*)$/.exec(line.replace(/\/\/.*$/, ""));
      if (!m || m[3] === "[]" || m[4].includes("@relation")) continue;
      fields.push({ name: m[1], type: m[2], optional: m[3] === "?", column: /@map\("([^"]+)"\)/.exec(m[4])?.[1] ?? m[1] });
    }
    tables.set(table, fields);
  }
  return tables;
}

const PRISMA_TYPES: Record<ColumnType, string> = { int: "Int", text: "String", bool: "Boolean", timestamp: "DateTime" };
const models = readModels(path.resolve(import.meta.dirname, "../../prisma/models.prisma"));

// Listing every field here makes the type check fail when PingCheckRow gains or loses one
// (a missing key or an unknown key is an error in this literal).
const PING_CHECK_ROW_FIELDS: Record<keyof PingCheckRow, true> = {
  id: true, kind: true, timeout: true, grace: true, schedule: true, tz: true, status: true, lastPing: true,
  lastStart: true, lastStartRid: true, lastDuration: true, nPings: true, manualResume: true, methods: true,
  filterSubject: true, filterBody: true, filterHttpBody: true, filterDefaultFail: true, startKw: true,
  successKw: true, failureKw: true, hasConfirmationLink: true, alertAfter: true, failureThreshold: true,
  consecutiveFailures: true, reminderInterval: true, nextReminderAt: true, pingLogLimit: true,
};

describe("the ping path's column table", () => {
  test("the model parser finds the checks and projects tables", () => {
    expect(models.get("checks")?.length).toBeGreaterThan(20);
    expect(models.get("projects")?.some((f) => f.column === "ping_log_limit")).toBe(true);
  });

  test.each(CHECK_COLUMNS.map((c) => [`${c.table}.${c.column}`, c] as const))(
    "%s exists in the Prisma model with a compatible type and nullability",
    (_name, col) => {
      const field = models.get(col.table)?.find((f) => f.column === col.column);
      expect(field, `${col.table}.${col.column} is not in prisma/models.prisma`).toBeDefined();
      expect(field!.type).toBe(PRISMA_TYPES[col.type]);
      expect(field!.optional).toBe(col.nullable);
    },
  );

  test("every field of PingCheckRow has exactly one column", () => {
    expect(CHECK_COLUMNS.map((c) => c.field).sort()).toEqual(Object.keys(PING_CHECK_ROW_FIELDS).sort());
  });

  test("the Prisma field a column maps to has the same name as the PingCheckRow field", () => {
    for (const col of CHECK_COLUMNS) {
      expect(models.get(col.table)!.find((f) => f.column === col.column)!.name).toBe(col.field);
    }
  });

  test("pings write back only columns of the checks table, never its id", () => {
    expect(WRITTEN_CHECK_COLUMNS.length).toBeGreaterThan(0);
    for (const col of WRITTEN_CHECK_COLUMNS) {
      expect(col.table).toBe("checks");
      expect(col.field).not.toBe("id");
    }
  });

  test("the SELECT list aliases each column to its field name", () => {
    expect(CHECK_SELECT).toContain('c.last_ping AS "lastPing"');
    expect(CHECK_SELECT).toContain('p.ping_log_limit AS "pingLogLimit"');
    expect(CHECK_SELECT.split(", ")).toHaveLength(CHECK_COLUMNS.length);
  });
});
