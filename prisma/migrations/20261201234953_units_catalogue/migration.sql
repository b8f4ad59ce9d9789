-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN "unitNote" TEXT;

-- CreateTable
CREATE TABLE "UnitSuccessor" (
    "formerId" INTEGER NOT NULL,
    "successorId" INTEGER NOT NULL,

    PRIMARY KEY ("formerId", "successorId"),
    CONSTRAINT "UnitSuccessor_formerId_fkey" FOREIGN KEY ("formerId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UnitSuccessor_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Unit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "parentId" INTEGER,
    "path" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "officialCode" TEXT,
    "validFrom" DATETIME,
    "validUntil" DATETIME,
    "local" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Unit" ("active", "code", "createdAt", "id", "level", "name", "parentId", "path") SELECT "active", "code", "createdAt", "id", "level", "name", "parentId", "path" FROM "Unit";
DROP TABLE "Unit";
ALTER TABLE "new_Unit" RENAME TO "Unit";
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");
CREATE INDEX "Unit_parentId_idx" ON "Unit"("parentId");
CREATE INDEX "Unit_path_idx" ON "Unit"("path");
CREATE INDEX "Unit_officialCode_idx" ON "Unit"("officialCode");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "UnitSuccessor_successorId_idx" ON "UnitSuccessor"("successorId");


-- Existing units keep their ids and paths. The demo's Hà Tĩnh is the catalogue's province 42; its districts ended
-- with the two-level reform (1 July 2025, Asia/Ho_Chi_Minh) and so did its 2020 communes, which get their official
-- codes so the catalogue load links them to their successors (prisma/data/units-2025).
UPDATE "Unit" SET "officialCode" = '42' WHERE "code" = 'HT' AND "level" = 'PROVINCE';
UPDATE "Unit" SET "validUntil" = '2025-06-30T17:00:00.000+00:00' WHERE "level" = 'DISTRICT';
UPDATE "Unit" SET "officialCode" = CASE "code"
    WHEN 'HT-CL-THIENLOC' THEN '18415'
    WHEN 'HT-CL-VUONGLOC' THEN '18427'
    WHEN 'HT-HS-SONKIM1' THEN '18196'
    WHEN 'HT-HS-SONTAY' THEN '18172'
    WHEN 'HT-NX-XUANVIEN' THEN '18385'
    WHEN 'HT-CX-CAMTHANH' THEN '18694'
    WHEN 'HT-VQ-HUONGMINH' THEN '18340'
  END, "validUntil" = '2025-06-30T17:00:00.000+00:00'
  WHERE "code" IN ('HT-CL-THIENLOC', 'HT-CL-VUONGLOC', 'HT-HS-SONKIM1', 'HT-HS-SONTAY', 'HT-NX-XUANVIEN', 'HT-CX-CAMTHANH', 'HT-VQ-HUONGMINH');
