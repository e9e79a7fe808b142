-- Answers move onto their response as two parallel arrays (docs/decisions/014-answers-on-the-response.md):
-- one row per submission instead of one per answer.
ALTER TABLE "Response" ADD COLUMN     "answerItemIds" INTEGER[],
ADD COLUMN     "answerValues" INTEGER[];

-- Each item id has its value at the same position.
ALTER TABLE "Response" ADD CONSTRAINT "Response_answer_arrays_check"
  CHECK (cardinality("answerItemIds") IS NOT DISTINCT FROM cardinality("answerValues"));

-- Existing answers, in item order.
UPDATE "Response" r
SET "answerItemIds" = a.items, "answerValues" = a.vals
FROM (
  SELECT "responseId", array_agg("itemId" ORDER BY "itemId", value) AS items,
    array_agg(value ORDER BY "itemId", value) AS vals
  FROM "Answer"
  GROUP BY "responseId"
) a
WHERE a."responseId" = r.id;

UPDATE "Response" SET "answerItemIds" = '{}', "answerValues" = '{}' WHERE "answerItemIds" IS NULL;

-- DropTable
DROP TABLE "Answer";
