-- CreateTable
CREATE TABLE "AbsenceRule" (
    "courseId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "minAttendancePercent" INTEGER NOT NULL,
    "maxWarnings" INTEGER NOT NULL,
    "copyTrainers" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AbsenceRule_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AbsenceWarning" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "courseId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "absences" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AbsenceWarning_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "AbsenceRule" ("courseId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT,
    "leaseUntil" DATETIME,
    "nextRunAt" DATETIME NOT NULL,
    "lastStartedAt" DATETIME,
    "lastFinishedAt" DATETIME,
    "lastResult" TEXT,
    "lastError" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "AbsenceWarning_courseId_userId_absences_key" ON "AbsenceWarning"("courseId", "userId", "absences");

