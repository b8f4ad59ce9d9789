-- Foreign keys for the appraisal tables (docs/decisions/0024). Nothing in the app deletes plans or
-- people, so a row pointing at nothing can only come from a hand edit; it is handled before the copy.
-- The appraisal record (cases, frozen versions, audit events) is never dropped silently: an orphan
-- there stops the migration at this first statement, before anything changed, for a person to look at.
CREATE TEMP TABLE "_appraisal_orphans" ("count" INTEGER NOT NULL CHECK ("count" = 0));
INSERT INTO "_appraisal_orphans" SELECT
    (SELECT COUNT(*) FROM "AppraisalCase" WHERE "planId" NOT IN (SELECT "id" FROM "BusinessPlan"))
  + (SELECT COUNT(*) FROM "PlanVersion" WHERE "planId" NOT IN (SELECT "id" FROM "BusinessPlan"))
  + (SELECT COUNT(*) FROM "AppraisalEvent" WHERE "planId" NOT IN (SELECT "id" FROM "BusinessPlan"));
DROP TABLE "_appraisal_orphans";
-- Comments and notifications would have gone with their plan or person under the new rules: drop them.
DELETE FROM "PlanComment" WHERE "planId" NOT IN (SELECT "id" FROM "BusinessPlan");
DELETE FROM "Notification" WHERE "userId" NOT IN (SELECT "id" FROM "User");

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PlanVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "planId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "data" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" INTEGER NOT NULL,
    CONSTRAINT "PlanVersion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "BusinessPlan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_PlanVersion" ("createdAt", "createdById", "data", "id", "number", "planId") SELECT "createdAt", "createdById", "data", "id", "number", "planId" FROM "PlanVersion";
DROP TABLE "PlanVersion";
ALTER TABLE "new_PlanVersion" RENAME TO "PlanVersion";
CREATE UNIQUE INDEX "PlanVersion_planId_number_key" ON "PlanVersion"("planId", "number");
CREATE TABLE "new_AppraisalCase" (
    "planId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "status" TEXT NOT NULL,
    "levelIndex" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "unitPath" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "deadlineAt" DATETIME NOT NULL,
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "pausedAt" DATETIME,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "officialStars" INTEGER,
    "officialScore" REAL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AppraisalCase_planId_fkey" FOREIGN KEY ("planId") REFERENCES "BusinessPlan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_AppraisalCase" ("deadlineAt", "level", "levelIndex", "officialScore", "officialStars", "overdue", "pausedAt", "planId", "receivedAt", "revision", "status", "unitPath", "updatedAt", "versionNumber", "year") SELECT "deadlineAt", "level", "levelIndex", "officialScore", "officialStars", "overdue", "pausedAt", "planId", "receivedAt", "revision", "status", "unitPath", "updatedAt", "versionNumber", "year" FROM "AppraisalCase";
DROP TABLE "AppraisalCase";
ALTER TABLE "new_AppraisalCase" RENAME TO "AppraisalCase";
CREATE INDEX "AppraisalCase_status_level_idx" ON "AppraisalCase"("status", "level");
CREATE INDEX "AppraisalCase_unitPath_idx" ON "AppraisalCase"("unitPath");
CREATE TABLE "new_AppraisalEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "planId" INTEGER NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "fromStatus" TEXT NOT NULL,
    "toStatus" TEXT NOT NULL,
    "fromLevel" TEXT NOT NULL,
    "toLevel" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "unitPath" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AppraisalEvent_planId_fkey" FOREIGN KEY ("planId") REFERENCES "BusinessPlan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_AppraisalEvent" ("action", "actorId", "createdAt", "fromLevel", "fromStatus", "id", "planId", "reason", "toLevel", "toStatus", "unitPath", "versionNumber", "year") SELECT "action", "actorId", "createdAt", "fromLevel", "fromStatus", "id", "planId", "reason", "toLevel", "toStatus", "unitPath", "versionNumber", "year" FROM "AppraisalEvent";
DROP TABLE "AppraisalEvent";
ALTER TABLE "new_AppraisalEvent" RENAME TO "AppraisalEvent";
CREATE INDEX "AppraisalEvent_planId_id_idx" ON "AppraisalEvent"("planId", "id");
CREATE INDEX "AppraisalEvent_year_unitPath_idx" ON "AppraisalEvent"("year", "unitPath");
CREATE INDEX "AppraisalEvent_action_year_idx" ON "AppraisalEvent"("action", "year");
CREATE INDEX "AppraisalEvent_actorId_id_idx" ON "AppraisalEvent"("actorId", "id");
CREATE TABLE "new_PlanComment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "planId" INTEGER NOT NULL,
    "step" INTEGER NOT NULL,
    "versionNumber" INTEGER NOT NULL DEFAULT 0,
    "parentId" INTEGER,
    "authorId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlanComment_planId_fkey" FOREIGN KEY ("planId") REFERENCES "BusinessPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PlanComment" ("authorId", "body", "createdAt", "id", "parentId", "planId", "step", "versionNumber") SELECT "authorId", "body", "createdAt", "id", "parentId", "planId", "step", "versionNumber" FROM "PlanComment";
DROP TABLE "PlanComment";
ALTER TABLE "new_PlanComment" RENAME TO "PlanComment";
CREATE INDEX "PlanComment_planId_step_idx" ON "PlanComment"("planId", "step");
CREATE TABLE "new_Notification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "readAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Notification" ("createdAt", "id", "link", "readAt", "text", "userId") SELECT "createdAt", "id", "link", "readAt", "text", "userId" FROM "Notification";
DROP TABLE "Notification";
ALTER TABLE "new_Notification" RENAME TO "Notification";
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

