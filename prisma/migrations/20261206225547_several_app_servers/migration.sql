-- CreateTable
CREATE TABLE "RecentSubmission" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecentSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RecentSubmission_key_at_idx" ON "RecentSubmission"("key", "at");

-- CreateIndex
CREATE INDEX "RecentSubmission_at_idx" ON "RecentSubmission"("at");
