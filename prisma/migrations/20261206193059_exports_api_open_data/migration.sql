-- CreateEnum
CREATE TYPE "ExportStatus" AS ENUM ('queued', 'running', 'done', 'failed', 'expired');

-- CreateTable
CREATE TABLE "ExportJob" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "filters" JSONB NOT NULL,
    "scopeProvinceId" TEXT,
    "status" "ExportStatus" NOT NULL DEFAULT 'queued',
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "rowsExpected" INTEGER,
    "fileName" TEXT,
    "fileBytes" BIGINT,
    "sha256" TEXT,
    "errorCode" TEXT,
    "errorDetail" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "heartbeatAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "ExportJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "provinceId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "useCount" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpenDataRelease" (
    "id" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "methodologyCode" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "notesEn" TEXT NOT NULL,
    "correctsId" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT NOT NULL,

    CONSTRAINT "OpenDataRelease_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpenDataFile" (
    "releaseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,

    CONSTRAINT "OpenDataFile_pkey" PRIMARY KEY ("releaseId","name")
);

-- CreateIndex
CREATE INDEX "ExportJob_userId_createdAt_idx" ON "ExportJob"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "ExportJob_status_idx" ON "ExportJob"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "OpenDataRelease_period_version_key" ON "OpenDataRelease"("period", "version");

-- AddForeignKey
ALTER TABLE "ExportJob" ADD CONSTRAINT "ExportJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpenDataFile" ADD CONSTRAINT "OpenDataFile_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "OpenDataRelease"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A published open-data release and its files never change and are never deleted: people cite
-- them and check their checksums. A correction is a new release. Enforced below the application.
-- (See the note in the questionnaire immutability migration on how function bodies are quoted.)
CREATE FUNCTION "open_data_immutable"() RETURNS trigger
LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''open data release rows are immutable: publish a correction as a new release''
    USING ERRCODE = ''integrity_constraint_violation''\073
END
';

CREATE TRIGGER "open_data_release_immutable" BEFORE UPDATE OR DELETE ON "OpenDataRelease"
  FOR EACH ROW EXECUTE FUNCTION "open_data_immutable"();
CREATE TRIGGER "open_data_file_immutable" BEFORE UPDATE OR DELETE ON "OpenDataFile"
  FOR EACH ROW EXECUTE FUNCTION "open_data_immutable"();
