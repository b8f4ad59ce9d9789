-- DropIndex
DROP INDEX "QuizAttempt_enrolmentId_module_idx";

-- AlterTable: an attempt's number is its rank among its enrolment's attempts at that quiz, in the order they were made
ALTER TABLE "QuizAttempt" ADD COLUMN     "number" INTEGER NOT NULL DEFAULT 0;
UPDATE "QuizAttempt" AS a SET "number" = (
  SELECT COUNT(*) FROM "QuizAttempt" AS earlier
  WHERE earlier."enrolmentId" = a."enrolmentId" AND earlier."module" = a."module" AND earlier."id" <= a."id"
);
ALTER TABLE "QuizAttempt" ALTER COLUMN "number" DROP DEFAULT;

-- CreateIndex
CREATE UNIQUE INDEX "QuizAttempt_enrolmentId_module_number_key" ON "QuizAttempt"("enrolmentId", "module", "number");
