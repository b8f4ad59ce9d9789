-- AlterTable
ALTER TABLE "ProductIdea" ADD COLUMN "idempotencyKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ProductIdea_idempotencyKey_key" ON "ProductIdea"("idempotencyKey");

