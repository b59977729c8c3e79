-- AlterTable
ALTER TABLE "sales_teams" ADD COLUMN     "digest_at" TEXT NOT NULL DEFAULT '08:30',
ADD COLUMN     "digest_daily_at" TEXT,
ADD COLUMN     "digest_day" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "digest_weekly" BOOLEAN NOT NULL DEFAULT true;
