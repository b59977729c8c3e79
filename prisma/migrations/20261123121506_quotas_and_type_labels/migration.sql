-- AlterTable
ALTER TABLE "activity_types" ADD COLUMN     "label" TEXT,
ADD COLUMN     "label_plural" TEXT;

-- AlterTable
ALTER TABLE "goals" ADD COLUMN     "derived_from_id" UUID;

-- AddForeignKey
ALTER TABLE "goals" ADD CONSTRAINT "goals_derived_from_id_fkey" FOREIGN KEY ("derived_from_id") REFERENCES "goals"("id") ON DELETE CASCADE ON UPDATE CASCADE;
