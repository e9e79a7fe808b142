-- AlterTable
ALTER TABLE "ExternalScore" ADD COLUMN     "rank" INTEGER;
