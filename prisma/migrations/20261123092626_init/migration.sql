-- CreateTable
CREATE TABLE "workspaces" (
    "team_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspaces_pkey" PRIMARY KEY ("team_id")
);

-- CreateTable
CREATE TABLE "members" (
    "team_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "is_admin" BOOLEAN NOT NULL DEFAULT false,
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "members_pkey" PRIMARY KEY ("team_id","user_id")
);

-- CreateTable
CREATE TABLE "activity_types" (
    "team_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "aliases" TEXT[],
    "unit" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "activity_types_pkey" PRIMARY KEY ("team_id","key")
);

-- CreateTable
CREATE TABLE "activities" (
    "id" UUID NOT NULL,
    "team_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "type_key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "amount" DECIMAL(14,2),
    "points" INTEGER NOT NULL,
    "lead" TEXT,
    "product_line" TEXT,
    "note" TEXT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "activities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "goals" (
    "id" UUID NOT NULL,
    "team_id" TEXT NOT NULL,
    "owner_type" TEXT NOT NULL DEFAULT 'rep',
    "owner_id" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "target" DECIMAL(14,2) NOT NULL,
    "period" TEXT NOT NULL,
    "starts_on" TEXT,
    "ends_on" TEXT,
    "product_line" TEXT NOT NULL DEFAULT '',
    "note" TEXT,
    "set_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "goals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "activities_team_id_user_id_occurred_at_idx" ON "activities"("team_id", "user_id", "occurred_at");

-- CreateIndex
CREATE INDEX "goals_team_id_owner_type_owner_id_idx" ON "goals"("team_id", "owner_type", "owner_id");
