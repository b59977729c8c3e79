-- CreateTable
CREATE TABLE "check_in_setups" (
    "team_id" TEXT NOT NULL,
    "sales_team_id" UUID NOT NULL,
    "questions" JSONB NOT NULL,
    "weekday" INTEGER NOT NULL DEFAULT 5,
    "at" TEXT NOT NULL DEFAULT '15:00',
    "reminder_hours" INTEGER NOT NULL DEFAULT 24,
    "updated_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "check_in_setups_pkey" PRIMARY KEY ("team_id","sales_team_id")
);

-- CreateTable
CREATE TABLE "check_in_rounds" (
    "team_id" TEXT NOT NULL,
    "sales_team_id" UUID NOT NULL,
    "week" TEXT NOT NULL,
    "questions" JSONB NOT NULL,
    "expected" TEXT[],
    "away" TEXT[],
    "summary_posts" JSONB NOT NULL DEFAULT '[]',
    "summary_version" INTEGER NOT NULL DEFAULT 0,
    "summary_shown" INTEGER NOT NULL DEFAULT 0,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "closes_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "check_in_rounds_pkey" PRIMARY KEY ("team_id","sales_team_id","week")
);

-- CreateTable
CREATE TABLE "check_in_answers" (
    "team_id" TEXT NOT NULL,
    "sales_team_id" UUID NOT NULL,
    "week" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "answers" JSONB,
    "skipped_reason" TEXT,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "thread_posts" JSONB NOT NULL DEFAULT '[]',
    "posting_since" TIMESTAMPTZ(3),

    CONSTRAINT "check_in_answers_pkey" PRIMARY KEY ("team_id","sales_team_id","week","user_id")
);

-- CreateTable
CREATE TABLE "coaching_notes" (
    "id" UUID NOT NULL,
    "team_id" TEXT NOT NULL,
    "sales_team_id" UUID NOT NULL,
    "week" TEXT NOT NULL,
    "rep_id" TEXT NOT NULL,
    "manager_id" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "coaching_notes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "check_in_rounds_team_id_closed_at_idx" ON "check_in_rounds"("team_id", "closed_at");

-- CreateIndex
CREATE INDEX "check_in_answers_team_id_user_id_idx" ON "check_in_answers"("team_id", "user_id");

-- CreateIndex
CREATE INDEX "coaching_notes_team_id_sales_team_id_week_idx" ON "coaching_notes"("team_id", "sales_team_id", "week");
