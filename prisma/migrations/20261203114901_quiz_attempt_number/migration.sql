-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_QuizAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "token" TEXT NOT NULL,
    "enrolmentId" INTEGER NOT NULL,
    "module" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "layout" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadlineAt" DATETIME,
    "submittedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "score" REAL,
    "maxScore" REAL,
    "percent" REAL,
    "passed" BOOLEAN,
    "results" TEXT,
    CONSTRAINT "QuizAttempt_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- An attempt's number is its rank among its enrolment's attempts at that quiz, in the order they were made.
INSERT INTO "new_QuizAttempt" ("deadlineAt", "enrolmentId", "id", "number", "layout", "maxScore", "module", "passed", "percent", "results", "score", "startedAt", "status", "submittedAt", "token") SELECT "deadlineAt", "enrolmentId", "id", (SELECT COUNT(*) FROM "QuizAttempt" AS "earlier" WHERE "earlier"."enrolmentId" = "QuizAttempt"."enrolmentId" AND "earlier"."module" = "QuizAttempt"."module" AND "earlier"."id" <= "QuizAttempt"."id"), "layout", "maxScore", "module", "passed", "percent", "results", "score", "startedAt", "status", "submittedAt", "token" FROM "QuizAttempt";
DROP TABLE "QuizAttempt";
ALTER TABLE "new_QuizAttempt" RENAME TO "QuizAttempt";
CREATE UNIQUE INDEX "QuizAttempt_token_key" ON "QuizAttempt"("token");
CREATE INDEX "QuizAttempt_module_status_idx" ON "QuizAttempt"("module", "status");
CREATE UNIQUE INDEX "QuizAttempt_enrolmentId_module_number_key" ON "QuizAttempt"("enrolmentId", "module", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

