-- CreateTable
CREATE TABLE "probe_rounds" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "check_id" INTEGER NOT NULL,
    "round" DATETIME NOT NULL,
    "verdict" TEXT NOT NULL,
    "regions" TEXT NOT NULL DEFAULT '{}',
    "failing" TEXT NOT NULL DEFAULT '',
    "decided_at" DATETIME NOT NULL,
    CONSTRAINT "probe_rounds_check_id_fkey" FOREIGN KEY ("check_id") REFERENCES "checks" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "agents" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "region" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" DATETIME,
    "version" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "last_seen_at" DATETIME,
    "clock_skew_ms" INTEGER,
    "dropped_results" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "applied_objects" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "project_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "applied" TEXT NOT NULL,
    "applied_at" DATETIME NOT NULL,
    CONSTRAINT "applied_objects_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_probe_results" (
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
    "round" DATETIME,
    "agent_id" INTEGER,
    "result_key" TEXT,
    "received_at" DATETIME,
    CONSTRAINT "probe_results_check_id_fkey" FOREIGN KEY ("check_id") REFERENCES "checks" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "probe_results_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_probe_results" ("attempts", "cert_expires", "cert_issuer", "check_id", "date", "error", "evidence", "http_status", "id", "notice", "region", "resolved_ip", "rtt_ms", "status") SELECT "attempts", "cert_expires", "cert_issuer", "check_id", "date", "error", "evidence", "http_status", "id", "notice", "region", "resolved_ip", "rtt_ms", "status" FROM "probe_results";
DROP TABLE "probe_results";
ALTER TABLE "new_probe_results" RENAME TO "probe_results";
CREATE INDEX "probe_results_check_id_date_idx" ON "probe_results"("check_id", "date");
CREATE INDEX "probe_results_date_idx" ON "probe_results"("date");
CREATE INDEX "probe_results_check_id_round_idx" ON "probe_results"("check_id", "round");
CREATE INDEX "probe_results_agent_id_date_idx" ON "probe_results"("agent_id", "date");
CREATE UNIQUE INDEX "probe_results_agent_id_result_key_key" ON "probe_results"("agent_id", "result_key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
