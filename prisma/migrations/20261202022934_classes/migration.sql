-- CreateTable
CREATE TABLE "CourseAudience" (
    "courseId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,

    PRIMARY KEY ("courseId", "unitId"),
    CONSTRAINT "CourseAudience_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CourseAudience_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CourseModule" (
    "courseId" INTEGER NOT NULL,
    "module" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("courseId", "module"),
    CONSTRAINT "CourseModule_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (columns added in place: the Course table and its references stay as they are)
ALTER TABLE "Course" ADD COLUMN "enrolmentOpen" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Course" ADD COLUMN "place" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Course" ADD COLUMN "capacity" INTEGER;
ALTER TABLE "Course" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'ACTIVE';
ALTER TABLE "Course" ADD COLUMN "archivedAt" DATETIME;

-- CreateIndex
CREATE INDEX "CourseAudience_unitId_idx" ON "CourseAudience"("unitId");


-- Existing classes teach the four shipped modules in the shipped order.
INSERT INTO "CourseModule" ("courseId", "module", "position")
SELECT c."id", m."module", m."position" FROM "Course" c
CROSS JOIN (SELECT 'kien-thuc-chung' AS "module", 1 AS "position"
  UNION ALL SELECT 'tieu-chi-danh-gia', 2
  UNION ALL SELECT 'chinh-sach-ho-tro', 3
  UNION ALL SELECT 'phuong-an-san-xuat-kinh-doanh', 4) m;
