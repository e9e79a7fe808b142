-- DropForeignKey
ALTER TABLE "Response" DROP CONSTRAINT "Response_agencyId_fkey";

-- DropForeignKey
ALTER TABLE "Response" DROP CONSTRAINT "Response_campaignId_fkey";

-- DropForeignKey
ALTER TABLE "Response" DROP CONSTRAINT "Response_kioskId_fkey";

-- DropForeignKey
ALTER TABLE "Response" DROP CONSTRAINT "Response_provinceId_fkey";

-- DropForeignKey
ALTER TABLE "Response" DROP CONSTRAINT "Response_servicePointId_fkey";

-- DropForeignKey
ALTER TABLE "Response" DROP CONSTRAINT "Response_versionId_fkey";
