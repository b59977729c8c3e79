-- Recurring goals had no dates, now they hold empty ones: one owner and one goal make one row.
UPDATE "goals" SET "starts_on" = '' WHERE "starts_on" IS NULL;
UPDATE "goals" SET "ends_on" = '' WHERE "ends_on" IS NULL;

-- Should two racing changes have stored the same goal of one owner twice, the last changed stays.
DELETE FROM "goals" AS older USING "goals" AS newer
WHERE older."team_id" = newer."team_id" AND older."owner_type" = newer."owner_type" AND older."owner_id" = newer."owner_id"
  AND older."metric" = newer."metric" AND older."product_line" = newer."product_line" AND older."period" = newer."period"
  AND older."starts_on" = newer."starts_on" AND older."ends_on" = newer."ends_on"
  AND (older."updated_at", older."id") < (newer."updated_at", newer."id");

-- AlterTable
ALTER TABLE "activity_types" ADD COLUMN     "label" TEXT,
ADD COLUMN     "label_plural" TEXT;

-- AlterTable
ALTER TABLE "goals" ADD COLUMN     "derived_from_id" UUID,
ALTER COLUMN "starts_on" SET NOT NULL,
ALTER COLUMN "starts_on" SET DEFAULT '',
ALTER COLUMN "ends_on" SET NOT NULL,
ALTER COLUMN "ends_on" SET DEFAULT '';

-- CreateIndex
CREATE UNIQUE INDEX "goals_derived_from_id_key" ON "goals"("derived_from_id");

-- CreateIndex
CREATE UNIQUE INDEX "goals_identity_key" ON "goals"("team_id", "owner_type", "owner_id", "metric", "product_line", "period", "starts_on", "ends_on");

-- AddForeignKey
ALTER TABLE "goals" ADD CONSTRAINT "goals_derived_from_id_fkey" FOREIGN KEY ("derived_from_id") REFERENCES "goals"("id") ON DELETE CASCADE ON UPDATE CASCADE;
