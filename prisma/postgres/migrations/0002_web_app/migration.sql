-- AlterTable
ALTER TABLE "users" ADD COLUMN     "backup_codes" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "email_verified" TIMESTAMP(3),
ADD COLUMN     "nag_period" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "name" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "next_nag_date" TIMESTAMP(3),
ADD COLUMN     "next_report_date" TIMESTAMP(3),
ADD COLUMN     "reports" TEXT NOT NULL DEFAULT 'monthly',
ADD COLUMN     "session_version" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "theme" TEXT NOT NULL DEFAULT 'system',
ADD COLUMN     "totp_last_step" INTEGER,
ADD COLUMN     "totp_secret" TEXT;

-- AlterTable
ALTER TABLE "members" ADD COLUMN     "transfer_request_date" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "verification_tokens" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "verification_tokens_token_key" ON "verification_tokens"("token");

-- CreateIndex
CREATE UNIQUE INDEX "verification_tokens_identifier_token_key" ON "verification_tokens"("identifier", "token");

