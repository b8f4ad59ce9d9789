-- CreateTable
CREATE TABLE "QuizGrant" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "enrolmentId" INTEGER NOT NULL,
    "module" TEXT NOT NULL,
    "extraAttempts" INTEGER NOT NULL DEFAULT 0,
    "extraMinutes" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT NOT NULL,
    "grantedById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuizGrant_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuizGrant_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "QuizGrant_enrolmentId_module_idx" ON "QuizGrant"("enrolmentId", "module");

-- CreateIndex
CREATE INDEX "QuizGrant_grantedById_idx" ON "QuizGrant"("grantedById");

