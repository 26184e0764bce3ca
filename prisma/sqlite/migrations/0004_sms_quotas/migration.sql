-- Plain ADD COLUMNs (constant defaults, added in place), like 0003.
-- AlterTable
ALTER TABLE "users" ADD COLUMN "sms_limit" INTEGER NOT NULL DEFAULT 10000;
ALTER TABLE "users" ADD COLUMN "sms_sent" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "users" ADD COLUMN "sms_sent_month" TEXT NOT NULL DEFAULT '';
ALTER TABLE "users" ADD COLUMN "call_limit" INTEGER NOT NULL DEFAULT 10000;
ALTER TABLE "users" ADD COLUMN "calls_sent" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "users" ADD COLUMN "calls_sent_month" TEXT NOT NULL DEFAULT '';
