-- AlterTable
ALTER TABLE "activity_types" ADD COLUMN     "count_limit" INTEGER NOT NULL DEFAULT 100;

-- Workspaces that already have the default types get the limits new workspaces start with (deal, a money type, takes its number as the amount)
UPDATE "activity_types" SET "count_limit" = CASE "key"
    WHEN 'call' THEN 200
    WHEN 'email' THEN 300
    WHEN 'meeting' THEN 20
    WHEN 'demo' THEN 20
    WHEN 'estimate' THEN 50
    WHEN 'proposal' THEN 20
    WHEN 'lost' THEN 20
    WHEN 'referral' THEN 20
  END
WHERE "key" IN ('call', 'email', 'meeting', 'demo', 'estimate', 'proposal', 'lost', 'referral');
