-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('new', 'in_progress', 'answered', 'closed');

-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "ticketId" TEXT;

-- CreateTable
CREATE TABLE "TicketIssuer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "agencyId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "useCount" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "TicketIssuer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketSheet" (
    "id" TEXT NOT NULL,
    "servicePointId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL,
    "printedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingTicket" (
    "id" TEXT NOT NULL,
    "servicePointId" TEXT NOT NULL,
    "field" TEXT,
    "issuedOn" DATE NOT NULL,
    "expiresOn" DATE NOT NULL,
    "keyId" TEXT NOT NULL,
    "dossierHash" TEXT,
    "issuerId" TEXT,
    "sheetId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RatingTicket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackCase" (
    "id" TEXT NOT NULL,
    "responseId" UUID NOT NULL,
    "agencyId" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "servicePointId" TEXT NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'new',
    "openedOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "assigneeId" TEXT,
    "internalNote" TEXT NOT NULL DEFAULT '',
    "publicReply" TEXT,
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,
    "closedAt" TIMESTAMP(3),
    "replyRequested" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeedbackCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseContact" (
    "caseId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "consentVersion" TEXT NOT NULL,
    "consentedAt" TIMESTAMP(3) NOT NULL,
    "deleteAfter" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseContact_pkey" PRIMARY KEY ("caseId")
);

-- CreateTable
CREATE TABLE "PublicNote" (
    "id" TEXT NOT NULL,
    "servicePointId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "caseId" TEXT,
    "kind" TEXT NOT NULL,
    "said" TEXT NOT NULL DEFAULT '',
    "did" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT NOT NULL,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawnById" TEXT,

    CONSTRAINT "PublicNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TicketIssuer_tokenHash_key" ON "TicketIssuer"("tokenHash");

-- CreateIndex
CREATE INDEX "TicketIssuer_provinceId_idx" ON "TicketIssuer"("provinceId");

-- CreateIndex
CREATE INDEX "TicketSheet_servicePointId_day_idx" ON "TicketSheet"("servicePointId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "RatingTicket_dossierHash_key" ON "RatingTicket"("dossierHash");

-- CreateIndex
CREATE INDEX "RatingTicket_servicePointId_issuedOn_idx" ON "RatingTicket"("servicePointId", "issuedOn");

-- CreateIndex
CREATE INDEX "RatingTicket_sheetId_idx" ON "RatingTicket"("sheetId");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackCase_responseId_key" ON "FeedbackCase"("responseId");

-- CreateIndex
CREATE INDEX "FeedbackCase_agencyId_status_dueOn_idx" ON "FeedbackCase"("agencyId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "FeedbackCase_provinceId_openedOn_idx" ON "FeedbackCase"("provinceId", "openedOn");

-- CreateIndex
CREATE INDEX "CaseContact_deleteAfter_idx" ON "CaseContact"("deleteAfter");

-- CreateIndex
CREATE INDEX "PublicNote_servicePointId_publishedAt_idx" ON "PublicNote"("servicePointId", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Response_ticketId_key" ON "Response"("ticketId");

-- AddForeignKey
ALTER TABLE "CaseContact" ADD CONSTRAINT "CaseContact_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "FeedbackCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;
