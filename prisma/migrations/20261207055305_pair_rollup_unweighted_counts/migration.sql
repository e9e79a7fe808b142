-- Unweighted counts of the pair rollup (nA, nB, nAB). The existing cells have none to give, so the
-- table is emptied first, which also lets NOT NULL columns be added without a default. After
-- migrating, scripts/migrate.ts finds answers to index items without pair cells and rebuilds the
-- rollups from the raw responses (rebuildMissingPairRollups in app/aggregation/recompute.server.ts).
DELETE FROM "AnswerPairRollup";

-- AlterTable
ALTER TABLE "AnswerPairRollup" ADD COLUMN     "nA" INTEGER NOT NULL,
ADD COLUMN     "nAB" INTEGER NOT NULL,
ADD COLUMN     "nB" INTEGER NOT NULL;
