-- AlterTable
ALTER TABLE "members" ADD COLUMN     "product_line" TEXT,
ADD COLUMN     "segment" TEXT,
ADD COLUMN     "territory" TEXT;

-- CreateTable
CREATE TABLE "sales_teams" (
    "id" UUID NOT NULL,
    "team_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "digest_channel_id" TEXT,
    "organised_by" TEXT NOT NULL DEFAULT 'territory',
    "time_zone" TEXT,
    "week_starts_on" INTEGER NOT NULL DEFAULT 1,
    "estimates_per_quota_unit" DECIMAL(6,2) NOT NULL DEFAULT 3,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sales_teams_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sales_team_members" (
    "team_id" TEXT NOT NULL,
    "sales_team_id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "added_by" TEXT NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sales_team_members_pkey" PRIMARY KEY ("sales_team_id","user_id","role")
);

-- CreateTable
CREATE TABLE "pacer_admins" (
    "team_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "named_by" TEXT NOT NULL,
    "named_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pacer_admins_pkey" PRIMARY KEY ("team_id","user_id")
);

-- CreateTable
CREATE TABLE "slack_installations" (
    "key" TEXT NOT NULL,
    "team_id" TEXT,
    "enterprise_id" TEXT,
    "installation" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "slack_installations_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "sales_teams_team_id_name_key_key" ON "sales_teams"("team_id", "name_key");

-- CreateIndex
CREATE INDEX "sales_team_members_team_id_user_id_idx" ON "sales_team_members"("team_id", "user_id");

-- AddForeignKey
ALTER TABLE "sales_team_members" ADD CONSTRAINT "sales_team_members_sales_team_id_fkey" FOREIGN KEY ("sales_team_id") REFERENCES "sales_teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
