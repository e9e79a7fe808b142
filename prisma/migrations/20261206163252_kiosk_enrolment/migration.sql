-- AlterTable
ALTER TABLE "KioskDevice" ADD COLUMN     "appVersion" TEXT,
ADD COLUMN     "batteryCharging" BOOLEAN,
ADD COLUMN     "batteryLevel" DOUBLE PRECISION,
ADD COLUMN     "enrolledAt" TIMESTAMP(3),
ADD COLUMN     "enrolmentCodeHash" TEXT,
ADD COLUMN     "enrolmentExpiresAt" TIMESTAMP(3),
ADD COLUMN     "lastHeartbeatAt" TIMESTAMP(3),
ADD COLUMN     "lastSyncAt" TIMESTAMP(3),
ADD COLUMN     "oldestQueuedAt" TIMESTAMP(3),
ADD COLUMN     "online" BOOLEAN,
ADD COLUMN     "pinVerifier" JSONB,
ADD COLUMN     "queueLength" INTEGER,
ALTER COLUMN "tokenHash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "KioskRefusal" (
    "kioskId" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KioskRefusal_pkey" PRIMARY KEY ("kioskId","responseId")
);

-- CreateIndex
CREATE UNIQUE INDEX "KioskDevice_enrolmentCodeHash_key" ON "KioskDevice"("enrolmentCodeHash");

-- AddForeignKey
ALTER TABLE "KioskRefusal" ADD CONSTRAINT "KioskRefusal_kioskId_fkey" FOREIGN KEY ("kioskId") REFERENCES "KioskDevice"("id") ON DELETE CASCADE ON UPDATE CASCADE;
