-- AlterTable
ALTER TABLE "channels" ADD COLUMN     "notify_degraded" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "checks" ADD COLUMN     "next_probe_at" TIMESTAMP(3),
ADD COLUMN     "probe" TEXT;

-- CreateTable
CREATE TABLE "probe_results" (
    "id" SERIAL NOT NULL,
    "check_id" INTEGER NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "region" TEXT NOT NULL DEFAULT 'local',
    "status" TEXT NOT NULL,
    "rtt_ms" DOUBLE PRECISION NOT NULL,
    "notice" TEXT,
    "error" TEXT,
    "http_status" INTEGER,
    "cert_expires" TIMESTAMP(3),
    "cert_issuer" TEXT,
    "resolved_ip" TEXT,
    "evidence" TEXT,
    "attempts" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "probe_results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "probe_rollups" (
    "id" SERIAL NOT NULL,
    "check_id" INTEGER NOT NULL,
    "region" TEXT NOT NULL DEFAULT 'local',
    "period" TEXT NOT NULL,
    "start" TIMESTAMP(3) NOT NULL,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "degraded" INTEGER NOT NULL DEFAULT 0,
    "p50_ms" DOUBLE PRECISION,
    "p95_ms" DOUBLE PRECISION,
    "max_ms" DOUBLE PRECISION,

    CONSTRAINT "probe_rollups_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "probe_results" ADD CONSTRAINT "probe_results_check_id_fkey" FOREIGN KEY ("check_id") REFERENCES "checks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "probe_rollups" ADD CONSTRAINT "probe_rollups_check_id_fkey" FOREIGN KEY ("check_id") REFERENCES "checks"("id") ON DELETE CASCADE ON UPDATE CASCADE;
