-- AlterTable
ALTER TABLE "activity_types" ADD COLUMN     "daily_points_cap" INTEGER;

-- AlterTable
ALTER TABLE "sales_teams" ADD COLUMN     "board_at" TEXT NOT NULL DEFAULT '09:00',
ADD COLUMN     "board_day" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "board_enabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "ranking" TEXT NOT NULL DEFAULT 'points',
ADD COLUMN     "ranking_metric" TEXT;

-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "kudos_daily_cap" INTEGER NOT NULL DEFAULT 5;

-- CreateTable
CREATE TABLE "kudos" (
    "id" UUID NOT NULL,
    "team_id" TEXT NOT NULL,
    "giver_id" TEXT NOT NULL,
    "receiver_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "given_at" TIMESTAMPTZ(3) NOT NULL,
    "given_on" TEXT NOT NULL,

    CONSTRAINT "kudos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "badges" (
    "team_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "badge" TEXT NOT NULL,
    "awarded_at" TIMESTAMPTZ(3) NOT NULL,
    "earned_for" TEXT NOT NULL,

    CONSTRAINT "badges_pkey" PRIMARY KEY ("team_id","user_id","badge")
);

-- CreateTable
CREATE TABLE "contests" (
    "id" UUID NOT NULL,
    "team_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "starts_on" TEXT NOT NULL,
    "ends_on" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "mode" TEXT NOT NULL DEFAULT 'reps',
    "prize" TEXT,
    "sales_team_ids" TEXT[],
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "kudos_team_id_giver_id_given_on_idx" ON "kudos"("team_id", "giver_id", "given_on");

-- CreateIndex
CREATE INDEX "kudos_team_id_receiver_id_given_at_idx" ON "kudos"("team_id", "receiver_id", "given_at");

-- CreateIndex
CREATE INDEX "contests_team_id_ends_on_idx" ON "contests"("team_id", "ends_on");
