-- AlterTable
ALTER TABLE "activities" ADD COLUMN     "lead_id" UUID;

-- AlterTable
ALTER TABLE "members" ADD COLUMN     "away_until" TEXT,
ADD COLUMN     "nudge_at" TEXT NOT NULL DEFAULT '09:00',
ADD COLUMN     "nudge_days" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
ADD COLUMN     "nudges_enabled" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "sales_teams" ADD COLUMN     "lead_rules" JSONB;

-- CreateTable
CREATE TABLE "leads" (
    "id" UUID NOT NULL,
    "team_id" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "account_key" TEXT NOT NULL,
    "value" DECIMAL(14,2),
    "product_line" TEXT,
    "source" TEXT NOT NULL DEFAULT 'own',
    "stage" TEXT NOT NULL DEFAULT 'new',
    "lost_reason" TEXT,
    "won_amount" DECIMAL(14,2),
    "closed_at" TIMESTAMPTZ(3),
    "last_touched_at" TIMESTAMPTZ(3) NOT NULL,
    "next_follow_up_on" DATE,
    "snoozed_until" DATE,
    "checked_back_at" TIMESTAMPTZ(3),
    "satisfaction" INTEGER,
    "complaint" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "leads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lead_events" (
    "id" UUID NOT NULL,
    "lead_id" UUID NOT NULL,
    "team_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "by" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" TEXT,

    CONSTRAINT "lead_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lead_imports" (
    "id" UUID NOT NULL,
    "team_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "rows" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lead_imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_runs" (
    "key" TEXT NOT NULL,
    "job" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL,
    "claimed_by" TEXT NOT NULL,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "outbox_messages" (
    "id" UUID NOT NULL,
    "run_key" TEXT,
    "team_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "not_before" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "lease_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "sent_ts" TEXT,
    "sent_channel" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "leads_team_id_owner_id_stage_idx" ON "leads"("team_id", "owner_id", "stage");

-- CreateIndex
CREATE INDEX "leads_team_id_account_key_idx" ON "leads"("team_id", "account_key");

-- CreateIndex
CREATE INDEX "lead_events_lead_id_at_idx" ON "lead_events"("lead_id", "at");

-- CreateIndex
CREATE INDEX "lead_imports_team_id_user_id_idx" ON "lead_imports"("team_id", "user_id");

-- CreateIndex
CREATE INDEX "job_runs_job_team_id_period_idx" ON "job_runs"("job", "team_id", "period");

-- CreateIndex
CREATE INDEX "outbox_messages_status_not_before_idx" ON "outbox_messages"("status", "not_before");

-- CreateIndex
CREATE INDEX "outbox_messages_run_key_idx" ON "outbox_messages"("run_key");

-- AddForeignKey
ALTER TABLE "lead_events" ADD CONSTRAINT "lead_events_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_run_key_fkey" FOREIGN KEY ("run_key") REFERENCES "job_runs"("key") ON DELETE CASCADE ON UPDATE CASCADE;
