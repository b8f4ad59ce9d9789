-- CreateTable
CREATE TABLE "LessonProgress" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "module" TEXT NOT NULL,
    "lesson" TEXT NOT NULL,
    "completedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LessonProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuizAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "token" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "module" TEXT NOT NULL,
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
    CONSTRAINT "QuizAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "LessonProgress_module_lesson_idx" ON "LessonProgress"("module", "lesson");

-- CreateIndex
CREATE UNIQUE INDEX "LessonProgress_userId_module_lesson_key" ON "LessonProgress"("userId", "module", "lesson");

-- CreateIndex
CREATE UNIQUE INDEX "QuizAttempt_token_key" ON "QuizAttempt"("token");

-- CreateIndex
CREATE INDEX "QuizAttempt_userId_module_idx" ON "QuizAttempt"("userId", "module");

-- CreateIndex
CREATE INDEX "QuizAttempt_module_status_idx" ON "QuizAttempt"("module", "status");

