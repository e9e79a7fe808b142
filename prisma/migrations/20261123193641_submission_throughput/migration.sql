-- DropForeignKey
ALTER TABLE "Answer" DROP CONSTRAINT "Answer_itemId_fkey";

-- DropForeignKey
ALTER TABLE "Answer" DROP CONSTRAINT "Answer_responseId_fkey";

-- CreateTable
CREATE TABLE "PendingRollup" (
    "responseId" UUID NOT NULL,

    CONSTRAINT "PendingRollup_pkey" PRIMARY KEY ("responseId")
);

-- Every fold adds to existing rollup rows: leave room on each page so the update can stay
-- on the same page (a HOT update, no new index entries).
ALTER TABLE "AnswerRollup" SET (fillfactor = 70);
ALTER TABLE "ResponseRollup" SET (fillfactor = 70);
