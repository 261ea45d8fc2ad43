-- DropIndex
DROP INDEX "SipasResponse_surveyId_unitId_deviceHash_submittedOn_idx";

-- AlterTable
ALTER TABLE "Criterion" ADD COLUMN     "sipasInput" TEXT;

-- AlterTable
ALTER TABLE "SipasResponse" ADD COLUMN     "externalRef" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" TEXT,
ADD COLUMN     "submissionToken" TEXT;

-- AlterTable
ALTER TABLE "SipasResult" ADD COLUMN     "questions" JSONB;

-- CreateIndex
CREATE UNIQUE INDEX "SipasResponse_submissionToken_key" ON "SipasResponse"("submissionToken");

-- CreateIndex
CREATE INDEX "SipasResponse_surveyId_status_idx" ON "SipasResponse"("surveyId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SipasResponse_surveyId_unitId_deviceHash_submittedOn_key" ON "SipasResponse"("surveyId", "unitId", "deviceHash", "submittedOn");

-- CreateIndex
CREATE UNIQUE INDEX "SipasResponse_surveyId_externalRef_key" ON "SipasResponse"("surveyId", "externalRef");

-- AddForeignKey
ALTER TABLE "SipasResponse" ADD CONSTRAINT "SipasResponse_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
