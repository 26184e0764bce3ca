-- Plain ADD COLUMNs instead of Prisma's table redefinition: every new column is nullable or has
-- a constant default, which SQLite adds in place (the schema diff of both is empty).
-- AlterTable
ALTER TABLE "checks" ADD COLUMN "failure_threshold" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "checks" ADD COLUMN "consecutive_failures" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "checks" ADD COLUMN "reminder_interval" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "checks" ADD COLUMN "next_reminder_at" DATETIME;

-- AlterTable
ALTER TABLE "notifications" ADD COLUMN "reminder" BOOLEAN NOT NULL DEFAULT false;

