-- The level's clock stops while a case is with the producer (issue 14, item 7).
-- AlterTable
ALTER TABLE "AppraisalCase" ADD COLUMN "pausedAt" DATETIME;

-- AlterTable: RESTART keeps the rule every earlier case followed (a full deadline on resubmission)
ALTER TABLE "ProvinceSettings" ADD COLUMN "clockOnResubmit" TEXT NOT NULL DEFAULT 'RESTART';

-- CreateIndex
CREATE INDEX "AppraisalEvent_actorId_id_idx" ON "AppraisalEvent"("actorId", "id");
