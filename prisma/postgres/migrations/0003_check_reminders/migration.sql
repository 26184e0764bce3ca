-- AlterTable
ALTER TABLE "checks" ADD COLUMN     "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "failure_threshold" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "next_reminder_at" TIMESTAMP(3),
ADD COLUMN     "reminder_interval" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "reminder" BOOLEAN NOT NULL DEFAULT false;

