-- Plain ADD COLUMNs instead of Prisma's table redefinition of channels: the new column has a
-- constant default, which SQLite adds in place (the schema diff of both is empty).
-- AlterTable
ALTER TABLE "checks" ADD COLUMN "next_probe_at" DATETIME;
ALTER TABLE "checks" ADD COLUMN "probe" TEXT;

-- CreateTable
CREATE TABLE "probe_results" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "check_id" INTEGER NOT NULL,
    "date" DATETIME NOT NULL,
    "region" TEXT NOT NULL DEFAULT 'local',
    "status" TEXT NOT NULL,
    "rtt_ms" REAL NOT NULL,
    "notice" TEXT,
    "error" TEXT,
    "http_status" INTEGER,
    "cert_expires" DATETIME,
    "cert_issuer" TEXT,
    "resolved_ip" TEXT,
    "evidence" TEXT,
    "attempts" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "probe_results_check_id_fkey" FOREIGN KEY ("check_id") REFERENCES "checks" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "probe_rollups" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "check_id" INTEGER NOT NULL,
    "region" TEXT NOT NULL DEFAULT 'local',
    "period" TEXT NOT NULL,
    "start" DATETIME NOT NULL,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "degraded" INTEGER NOT NULL DEFAULT 0,
    "p50_ms" REAL,
    "p95_ms" REAL,
    "max_ms" REAL,
    CONSTRAINT "probe_rollups_check_id_fkey" FOREIGN KEY ("check_id") REFERENCES "checks" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable
ALTER TABLE "channels" ADD COLUMN "notify_degraded" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "probe_results_check_id_date_idx" ON "probe_results"("check_id", "date");

-- CreateIndex
CREATE INDEX "probe_results_date_idx" ON "probe_results"("date");

-- CreateIndex
CREATE INDEX "probe_rollups_start_idx" ON "probe_rollups"("start");

-- CreateIndex
CREATE UNIQUE INDEX "probe_rollups_check_id_region_period_start_key" ON "probe_rollups"("check_id", "region", "period", "start");

-- CreateIndex
CREATE INDEX "checks_next_probe_at_idx" ON "checks"("next_probe_at");
