-- CreateTable
CREATE TABLE "users" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "password_hash" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_login_at" DATETIME,
    "tz" TEXT NOT NULL DEFAULT 'UTC',
    "check_limit" INTEGER NOT NULL DEFAULT 10000
);

-- CreateTable
CREATE TABLE "projects" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "owner_id" INTEGER NOT NULL,
    "api_key" TEXT NOT NULL DEFAULT '',
    "api_key_readonly" TEXT NOT NULL DEFAULT '',
    "badge_key" TEXT NOT NULL,
    "ping_key" TEXT,
    "show_slugs" BOOLEAN NOT NULL DEFAULT false,
    "ping_log_limit" INTEGER NOT NULL DEFAULT 100,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "projects_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "members" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "project_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'w',
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "members_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "checks" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "project_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "slug" TEXT NOT NULL DEFAULT '',
    "tags" TEXT NOT NULL DEFAULT '',
    "desc" TEXT NOT NULL DEFAULT '',
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL DEFAULT 'simple',
    "timeout" INTEGER NOT NULL DEFAULT 86400,
    "grace" INTEGER NOT NULL DEFAULT 3600,
    "schedule" TEXT NOT NULL DEFAULT '* * * * *',
    "tz" TEXT NOT NULL DEFAULT 'UTC',
    "filter_subject" BOOLEAN NOT NULL DEFAULT false,
    "filter_body" BOOLEAN NOT NULL DEFAULT false,
    "filter_http_body" BOOLEAN NOT NULL DEFAULT false,
    "filter_default_fail" BOOLEAN NOT NULL DEFAULT false,
    "start_kw" TEXT NOT NULL DEFAULT '',
    "success_kw" TEXT NOT NULL DEFAULT '',
    "failure_kw" TEXT NOT NULL DEFAULT '',
    "methods" TEXT NOT NULL DEFAULT '',
    "manual_resume" BOOLEAN NOT NULL DEFAULT false,
    "badge_key" TEXT NOT NULL,
    "n_pings" INTEGER NOT NULL DEFAULT 0,
    "last_ping" DATETIME,
    "last_start" DATETIME,
    "last_start_rid" TEXT,
    "last_duration" INTEGER,
    "has_confirmation_link" BOOLEAN NOT NULL DEFAULT false,
    "alert_after" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'new',
    CONSTRAINT "checks_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "pings" (
    "check_id" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,
    "created_at" DATETIME NOT NULL,
    "kind" TEXT,
    "scheme" TEXT NOT NULL DEFAULT 'http',
    "remote_addr" TEXT,
    "method" TEXT NOT NULL DEFAULT '',
    "ua" TEXT NOT NULL DEFAULT '',
    "body" BLOB,
    "exit_status" INTEGER,
    "rid" TEXT,

    PRIMARY KEY ("check_id", "n"),
    CONSTRAINT "pings_check_id_fkey" FOREIGN KEY ("check_id") REFERENCES "checks" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "flips" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "check_id" INTEGER NOT NULL,
    "created_at" DATETIME NOT NULL,
    "processed_at" DATETIME,
    "old_status" TEXT NOT NULL,
    "new_status" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "flips_check_id_fkey" FOREIGN KEY ("check_id") REFERENCES "checks" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "channels" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "project_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "config" TEXT NOT NULL DEFAULT '{}',
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "last_notify" DATETIME,
    "last_notify_duration" INTEGER,
    "last_error" TEXT NOT NULL DEFAULT '',
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "channels_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "channel_checks" (
    "channel_id" INTEGER NOT NULL,
    "check_id" INTEGER NOT NULL,

    PRIMARY KEY ("channel_id", "check_id"),
    CONSTRAINT "channel_checks_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "channel_checks_check_id_fkey" FOREIGN KEY ("check_id") REFERENCES "checks" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "check_id" INTEGER,
    "check_status" TEXT NOT NULL,
    "channel_id" INTEGER NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "error" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "notifications_check_id_fkey" FOREIGN KEY ("check_id") REFERENCES "checks" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "notifications_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "token_buckets" (
    "value" TEXT NOT NULL PRIMARY KEY,
    "tokens" REAL NOT NULL,
    "updated_at" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "projects_code_key" ON "projects"("code");

-- CreateIndex
CREATE UNIQUE INDEX "projects_badge_key_key" ON "projects"("badge_key");

-- CreateIndex
CREATE UNIQUE INDEX "projects_ping_key_key" ON "projects"("ping_key");

-- CreateIndex
CREATE INDEX "projects_owner_id_idx" ON "projects"("owner_id");

-- CreateIndex
CREATE INDEX "projects_api_key_idx" ON "projects"("api_key");

-- CreateIndex
CREATE INDEX "projects_api_key_readonly_idx" ON "projects"("api_key_readonly");

-- CreateIndex
CREATE INDEX "members_project_id_idx" ON "members"("project_id");

-- CreateIndex
CREATE UNIQUE INDEX "members_user_id_project_id_key" ON "members"("user_id", "project_id");

-- CreateIndex
CREATE UNIQUE INDEX "checks_code_key" ON "checks"("code");

-- CreateIndex
CREATE UNIQUE INDEX "checks_badge_key_key" ON "checks"("badge_key");

-- CreateIndex
CREATE INDEX "checks_project_id_slug_idx" ON "checks"("project_id", "slug");

-- CreateIndex
CREATE INDEX "checks_alert_after_idx" ON "checks"("alert_after");

-- CreateIndex
CREATE INDEX "flips_processed_at_idx" ON "flips"("processed_at");

-- CreateIndex
CREATE INDEX "flips_check_id_created_at_idx" ON "flips"("check_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "channels_code_key" ON "channels"("code");

-- CreateIndex
CREATE INDEX "channels_project_id_idx" ON "channels"("project_id");

-- CreateIndex
CREATE INDEX "channel_checks_check_id_idx" ON "channel_checks"("check_id");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_code_key" ON "notifications"("code");

-- CreateIndex
CREATE INDEX "notifications_check_id_created_at_idx" ON "notifications"("check_id", "created_at");

-- CreateIndex
CREATE INDEX "notifications_channel_id_idx" ON "notifications"("channel_id");

