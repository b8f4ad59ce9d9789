-- AlterTable
ALTER TABLE "Attendance" ADD COLUMN "clientKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_clientKey_key" ON "Attendance"("clientKey");

