-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProvinceSettings" (
    "unitId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "appraisalLevels" TEXT NOT NULL DEFAULT 'COMMUNE,PROVINCE',
    "communeDeadlineDays" INTEGER NOT NULL DEFAULT 5,
    "districtDeadlineDays" INTEGER NOT NULL DEFAULT 5,
    "provinceDeadlineDays" INTEGER NOT NULL DEFAULT 5,
    "deadlineKind" TEXT NOT NULL DEFAULT 'CALENDAR',
    "holidays" TEXT NOT NULL DEFAULT '',
    "overdueRule" TEXT NOT NULL DEFAULT 'FLAG',
    "showOfficerNames" BOOLEAN NOT NULL DEFAULT false,
    "clockOnResubmit" TEXT NOT NULL DEFAULT 'RESTART',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProvinceSettings_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- each level starts with the province's former single deadline
INSERT INTO "new_ProvinceSettings" ("appraisalLevels", "communeDeadlineDays", "districtDeadlineDays", "provinceDeadlineDays", "deadlineKind", "holidays", "overdueRule", "showOfficerNames", "clockOnResubmit", "unitId", "updatedAt") SELECT "appraisalLevels", "deadlineDays", "deadlineDays", "deadlineDays", "deadlineKind", "holidays", "overdueRule", "showOfficerNames", "clockOnResubmit", "unitId", "updatedAt" FROM "ProvinceSettings";
DROP TABLE "ProvinceSettings";
ALTER TABLE "new_ProvinceSettings" RENAME TO "ProvinceSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

