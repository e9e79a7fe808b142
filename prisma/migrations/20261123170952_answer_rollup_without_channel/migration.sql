-- AnswerRollup loses channel and versionId (ADR 005). Cells that differed only by channel are
-- merged first, so databases that already hold answers keep exact counts.
ALTER TABLE "AnswerRollup" DROP CONSTRAINT "AnswerRollup_pkey";

CREATE TABLE "_AnswerRollupMerged" AS
SELECT "month", "servicePointId", "agencyId", "provinceId", "itemId", "value", "flags",
  sum("n")::int AS "n", sum("sumW") AS "sumW", sum("sumW2") AS "sumW2"
FROM "AnswerRollup"
GROUP BY "month", "servicePointId", "agencyId", "provinceId", "itemId", "value", "flags";

DELETE FROM "AnswerRollup";

-- AlterTable
ALTER TABLE "AnswerRollup" DROP COLUMN "channel",
DROP COLUMN "versionId";

INSERT INTO "AnswerRollup" ("month", "servicePointId", "agencyId", "provinceId", "itemId", "value", "flags", "n", "sumW", "sumW2")
SELECT "month", "servicePointId", "agencyId", "provinceId", "itemId", "value", "flags", "n", "sumW", "sumW2"
FROM "_AnswerRollupMerged";

DROP TABLE "_AnswerRollupMerged";

ALTER TABLE "AnswerRollup" ADD CONSTRAINT "AnswerRollup_pkey" PRIMARY KEY ("month", "servicePointId", "itemId", "value", "flags", "agencyId", "provinceId");
