-- AlterTable
ALTER TABLE "members" ADD COLUMN "transfer_request_date" DATETIME;

-- CreateTable
CREATE TABLE "verification_tokens" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_users" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "email_verified" DATETIME,
    "password_hash" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_login_at" DATETIME,
    "tz" TEXT NOT NULL DEFAULT 'UTC',
    "check_limit" INTEGER NOT NULL DEFAULT 10000,
    "theme" TEXT NOT NULL DEFAULT 'system',
    "reports" TEXT NOT NULL DEFAULT 'monthly',
    "nag_period" INTEGER NOT NULL DEFAULT 0,
    "next_report_date" DATETIME,
    "next_nag_date" DATETIME,
    "totp_secret" TEXT,
    "totp_last_step" INTEGER,
    "backup_codes" TEXT NOT NULL DEFAULT '[]',
    "session_version" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_users" ("check_limit", "created_at", "email", "id", "last_login_at", "password_hash", "tz") SELECT "check_limit", "created_at", "email", "id", "last_login_at", "password_hash", "tz" FROM "users";
DROP TABLE "users";
ALTER TABLE "new_users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "verification_tokens_token_key" ON "verification_tokens"("token");

-- CreateIndex
CREATE UNIQUE INDEX "verification_tokens_identifier_token_key" ON "verification_tokens"("identifier", "token");

