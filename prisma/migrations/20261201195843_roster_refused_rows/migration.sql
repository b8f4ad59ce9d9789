-- AlterTable
ALTER TABLE "RosterImport" ADD COLUMN "refused" TEXT;

