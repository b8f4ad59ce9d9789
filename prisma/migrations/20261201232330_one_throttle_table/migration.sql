-- One throttle table (docs/decisions/0027): the three counter tables become ThrottleHit, keyed by (kind, key).
-- The rows are carried, not dropped, so a lock in force (a guessed password, a guessed code) survives the deploy.
CREATE TABLE "ThrottleHit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

INSERT INTO "ThrottleHit" ("kind", "key", "createdAt") SELECT 'login', "key", "createdAt" FROM "LoginFailure";
INSERT INTO "ThrottleHit" ("kind", "key", "createdAt") SELECT 'guess', "key", "createdAt" FROM "AttendanceGuess";
INSERT INTO "ThrottleHit" ("kind", "key", "createdAt") SELECT 'lookup', "key", "createdAt" FROM "RateHit";

-- CreateIndex
CREATE INDEX "ThrottleHit_kind_key_createdAt_idx" ON "ThrottleHit"("kind", "key", "createdAt");

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "AttendanceGuess";
DROP TABLE "LoginFailure";
DROP TABLE "RateHit";
PRAGMA foreign_keys=on;
