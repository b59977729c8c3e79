-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "currency" TEXT,
ADD COLUMN     "language" TEXT;
