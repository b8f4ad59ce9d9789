-- AlterTable
ALTER TABLE "AccountActivation" ADD COLUMN "courseId" INTEGER;

-- CreateIndex
CREATE INDEX "AccountActivation_courseId_idx" ON "AccountActivation"("courseId");


-- Existing codes belong to the class that created the account: the roster enrols a new account in
-- that class in the same transaction, so it is the account's first enrolment.
UPDATE "AccountActivation" SET "courseId" = (
  SELECT e."courseId" FROM "Enrolment" e WHERE e."userId" = "AccountActivation"."userId" ORDER BY e."id" LIMIT 1
);
