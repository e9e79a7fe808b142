-- AlterTable
ALTER TABLE "AnswerRollup" DROP CONSTRAINT "AnswerRollup_pkey",
ADD CONSTRAINT "AnswerRollup_pkey" PRIMARY KEY ("month", "servicePointId", "itemId", "value", "channel", "flags", "agencyId", "provinceId");

-- AlterTable
ALTER TABLE "ResponseRollup" DROP CONSTRAINT "ResponseRollup_pkey",
ADD CONSTRAINT "ResponseRollup_pkey" PRIMARY KEY ("month", "servicePointId", "versionId", "channel", "flags", "agencyId", "provinceId");

-- CreateTable
CREATE TABLE "RollupRebuild" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "differences" INTEGER NOT NULL,

    CONSTRAINT "RollupRebuild_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnswerRollup_agencyId_month_idx" ON "AnswerRollup"("agencyId", "month");

-- CreateIndex
CREATE INDEX "Response_submittedOn_idx" ON "Response"("submittedOn");
