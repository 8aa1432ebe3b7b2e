-- CreateEnum
CREATE TYPE "cases"."ViolenceForm" AS ENUM ('PHYSICAL', 'PSYCHOLOGICAL', 'SEXUAL', 'ECONOMIC', 'TRAFFICKING');

-- CreateEnum
CREATE TYPE "cases"."ViolenceSetting" AS ENUM ('FAMILY', 'INTIMATE_PARTNER', 'WORKPLACE', 'SCHOOL', 'PUBLIC_PLACE', 'ONLINE', 'OTHER');

-- CreateEnum
CREATE TYPE "cases"."AgeGroup" AS ENUM ('UNDER_16', 'AGE_16_17', 'AGE_18_29', 'AGE_30_59', 'AGE_60_PLUS');

-- CreateEnum
CREATE TYPE "cases"."CaseSex" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "cases"."SupportService" AS ENUM ('HEALTH_CARE', 'PSYCHOLOGICAL_COUNSELLING', 'LEGAL_AID', 'SHELTER', 'SOCIAL_ASSISTANCE');

-- CreateEnum
CREATE TYPE "cases"."CaseStatus" AS ENUM ('OPEN', 'REFERRED', 'CLOSED');

-- CreateEnum
CREATE TYPE "cases"."CaseAccessAction" AS ENUM ('CREATE', 'UPDATE', 'READ');

-- CreateTable
CREATE TABLE "cases"."case_record" (
    "id" UUID NOT NULL,
    "area_code" TEXT NOT NULL,
    "detected_on" DATE NOT NULL,
    "form" "cases"."ViolenceForm" NOT NULL,
    "setting" "cases"."ViolenceSetting" NOT NULL,
    "victim_sex" "cases"."CaseSex" NOT NULL,
    "victim_age_group" "cases"."AgeGroup" NOT NULL,
    "victim_ethnic_minority" BOOLEAN NOT NULL,
    "perpetrator_sex" "cases"."CaseSex",
    "perpetrator_prosecuted" BOOLEAN NOT NULL DEFAULT false,
    "perpetrator_counselled" BOOLEAN NOT NULL DEFAULT false,
    "referred_to_police" BOOLEAN NOT NULL DEFAULT false,
    "status" "cases"."CaseStatus" NOT NULL DEFAULT 'OPEN',
    "note" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cases"."case_service" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "service" "cases"."SupportService" NOT NULL,
    "provided_on" DATE NOT NULL,

    CONSTRAINT "case_service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cases"."case_access_log" (
    "id" BIGSERIAL NOT NULL,
    "case_id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "action" "cases"."CaseAccessAction" NOT NULL,
    "request_id" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_access_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cases"."case_feed_state" (
    "area_code" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "pending" BOOLEAN NOT NULL,
    "last_pushed_at" TIMESTAMP(3),
    "last_error" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_feed_state_pkey" PRIMARY KEY ("area_code","period")
);

-- CreateIndex
CREATE INDEX "case_record_area_code_detected_on_idx" ON "cases"."case_record"("area_code", "detected_on");

-- CreateIndex
CREATE INDEX "case_record_detected_on_idx" ON "cases"."case_record"("detected_on");

-- CreateIndex
CREATE INDEX "case_service_case_id_idx" ON "cases"."case_service"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "case_service_case_id_service_provided_on_key" ON "cases"."case_service"("case_id", "service", "provided_on");

-- CreateIndex
CREATE INDEX "case_access_log_case_id_at_idx" ON "cases"."case_access_log"("case_id", "at");

-- CreateIndex
CREATE INDEX "case_access_log_subject_at_idx" ON "cases"."case_access_log"("subject", "at");

-- CreateIndex
CREATE INDEX "case_feed_state_pending_idx" ON "cases"."case_feed_state"("pending");

-- AddForeignKey
ALTER TABLE "cases"."case_service" ADD CONSTRAINT "case_service_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"."case_record"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A short working note only: a long free-text field would invite names and identifying details.
ALTER TABLE "cases"."case_record" ADD CONSTRAINT "case_record_note_length" CHECK (char_length("note") <= 500);
