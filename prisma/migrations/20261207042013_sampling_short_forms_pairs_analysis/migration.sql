-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "shortFormChannels" "Channel"[] DEFAULT ARRAY[]::"Channel"[];

-- AlterTable
ALTER TABLE "Item" ADD COLUMN     "inIndex" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "formBlock" SMALLINT;

-- CreateTable
CREATE TABLE "AnswerPairRollup" (
    "month" DATE NOT NULL,
    "servicePointId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "itemA" INTEGER NOT NULL,
    "itemB" INTEGER NOT NULL,
    "flags" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,
    "sumW2" DOUBLE PRECISION NOT NULL,
    "sumW2A" DOUBLE PRECISION NOT NULL,
    "sumW2B" DOUBLE PRECISION NOT NULL,
    "sumW2AB" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "AnswerPairRollup_pkey" PRIMARY KEY ("month","servicePointId","itemA","itemB","flags","agencyId","provinceId")
);

-- CreateTable
CREATE TABLE "SamplingPlan" (
    "campaignId" TEXT NOT NULL,
    "servicePointId" TEXT NOT NULL,
    "populationN" INTEGER NOT NULL,
    "marginOfError" DOUBLE PRECISION NOT NULL DEFAULT 0.05,
    "confidence" DOUBLE PRECISION NOT NULL DEFAULT 0.95,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SamplingPlan_pkey" PRIMARY KEY ("campaignId","servicePointId")
);

-- CreateTable
CREATE TABLE "ImprovementAction" (
    "id" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "agencyId" TEXT,
    "basePeriod" TEXT NOT NULL,
    "targetPeriod" TEXT NOT NULL,
    "methodologyCode" TEXT NOT NULL,
    "criterionCode" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "targetValue" DOUBLE PRECISION NOT NULL,
    "baselineValue" DOUBLE PRECISION,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImprovementAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnswerPairRollup_provinceId_month_idx" ON "AnswerPairRollup"("provinceId", "month");

-- CreateIndex
CREATE INDEX "AnswerPairRollup_agencyId_month_idx" ON "AnswerPairRollup"("agencyId", "month");

-- CreateIndex
CREATE INDEX "SamplingPlan_servicePointId_idx" ON "SamplingPlan"("servicePointId");

-- CreateIndex
CREATE INDEX "ImprovementAction_provinceId_targetPeriod_idx" ON "ImprovementAction"("provinceId", "targetPeriod");

-- CreateIndex
CREATE INDEX "ImprovementAction_agencyId_idx" ON "ImprovementAction"("agencyId");

-- AddForeignKey
ALTER TABLE "SamplingPlan" ADD CONSTRAINT "SamplingPlan_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Which items of the versions already stored enter the unit index, from each version's own
-- methodology: every item of an element indexed as the mean of its items, the general item of an
-- element indexed by it. Published items are frozen by a trigger, paused for this one backfill.
ALTER TABLE "Item" DISABLE TRIGGER "Item_immutable";

UPDATE "Item" AS i SET "inIndex" = true
FROM "QuestionnaireVersion" AS v, jsonb_array_elements(v."definition" -> 'methodology' -> 'elements') AS e
WHERE i."versionId" = v."id"
  AND ((e ->> 'index' = 'mean' AND (e -> 'items') @> to_jsonb(i."code"))
    OR (e ->> 'index' = 'general' AND e ->> 'generalItem' = i."code"));

ALTER TABLE "Item" ENABLE TRIGGER "Item_immutable";
