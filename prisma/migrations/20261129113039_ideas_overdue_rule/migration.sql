-- CreateTable
CREATE TABLE "ProductIdea" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "ocopGroup" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProductIdea_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "ProducerOrg" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProvinceSettings" (
    "unitId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "appraisalLevels" TEXT NOT NULL DEFAULT 'COMMUNE,PROVINCE',
    "deadlineDays" INTEGER NOT NULL DEFAULT 5,
    "deadlineKind" TEXT NOT NULL DEFAULT 'CALENDAR',
    "holidays" TEXT NOT NULL DEFAULT '',
    "overdueRule" TEXT NOT NULL DEFAULT 'FLAG',
    "showOfficerNames" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProvinceSettings_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ProvinceSettings" ("appraisalLevels", "deadlineDays", "deadlineKind", "holidays", "unitId", "updatedAt") SELECT "appraisalLevels", "deadlineDays", "deadlineKind", "holidays", "unitId", "updatedAt" FROM "ProvinceSettings";
DROP TABLE "ProvinceSettings";
ALTER TABLE "new_ProvinceSettings" RENAME TO "ProvinceSettings";
CREATE TABLE "new_BusinessPlan" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "ideaId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BusinessPlan_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "ProducerOrg" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BusinessPlan_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "ProductIdea" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_BusinessPlan" ("createdAt", "id", "orgId", "status", "title", "updatedAt") SELECT "createdAt", "id", "orgId", "status", "title", "updatedAt" FROM "BusinessPlan";
DROP TABLE "BusinessPlan";
ALTER TABLE "new_BusinessPlan" RENAME TO "BusinessPlan";
CREATE UNIQUE INDEX "BusinessPlan_ideaId_key" ON "BusinessPlan"("ideaId");
CREATE INDEX "BusinessPlan_orgId_idx" ON "BusinessPlan"("orgId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ProductIdea_orgId_idx" ON "ProductIdea"("orgId");


-- Backfill: before idea registration existed, creating a plan counted as registering its idea.
-- Give every such plan its idea (same id: the table is new), with the group from step 3 if saved.
INSERT INTO "ProductIdea" ("id", "orgId", "title", "ocopGroup", "createdAt")
SELECT p."id", p."orgId", p."title",
       COALESCE((SELECT json_extract(s."data", '$.ocopGroup') FROM "PlanStep" s WHERE s."planId" = p."id" AND s."step" = 3), ''),
       p."createdAt"
FROM "BusinessPlan" p;
UPDATE "BusinessPlan" SET "ideaId" = "id";
