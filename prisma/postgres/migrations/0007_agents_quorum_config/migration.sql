-- AlterTable
ALTER TABLE "probe_results" ADD COLUMN     "agent_id" INTEGER,
ADD COLUMN     "received_at" TIMESTAMP(3),
ADD COLUMN     "result_key" TEXT,
ADD COLUMN     "round" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "probe_rounds" (
    "id" SERIAL NOT NULL,
    "check_id" INTEGER NOT NULL,
    "round" TIMESTAMP(3) NOT NULL,
    "verdict" TEXT NOT NULL,
    "regions" TEXT NOT NULL DEFAULT '{}',
    "failing" TEXT NOT NULL DEFAULT '',
    "decided_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "probe_rounds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agents" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "region" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMP(3),
    "version" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "last_seen_at" TIMESTAMP(3),
    "clock_skew_ms" INTEGER,
    "dropped_results" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "agents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "applied_objects" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "applied" TEXT NOT NULL,
    "applied_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "applied_objects_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "probe_rounds_decided_at_idx" ON "probe_rounds"("decided_at");

-- CreateIndex
CREATE UNIQUE INDEX "probe_rounds_check_id_round_key" ON "probe_rounds"("check_id", "round");

-- CreateIndex
CREATE UNIQUE INDEX "agents_code_key" ON "agents"("code");

-- CreateIndex
CREATE UNIQUE INDEX "agents_token_hash_key" ON "agents"("token_hash");

-- CreateIndex
CREATE INDEX "agents_region_idx" ON "agents"("region");

-- CreateIndex
CREATE UNIQUE INDEX "applied_objects_project_id_kind_name_key" ON "applied_objects"("project_id", "kind", "name");

-- CreateIndex
CREATE INDEX "probe_results_check_id_round_idx" ON "probe_results"("check_id", "round");

-- CreateIndex
CREATE INDEX "probe_results_agent_id_date_idx" ON "probe_results"("agent_id", "date");

-- CreateIndex
CREATE UNIQUE INDEX "probe_results_agent_id_result_key_key" ON "probe_results"("agent_id", "result_key");

-- AddForeignKey
ALTER TABLE "probe_results" ADD CONSTRAINT "probe_results_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "probe_rounds" ADD CONSTRAINT "probe_rounds_check_id_fkey" FOREIGN KEY ("check_id") REFERENCES "checks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "applied_objects" ADD CONSTRAINT "applied_objects_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
