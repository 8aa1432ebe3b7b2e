-- CreateEnum
CREATE TYPE "communications"."ActivityKind" AS ENUM ('BROADCAST', 'EVENT', 'TRAINING_COURSE', 'TALK', 'CONTEST', 'PRINTED_MATERIAL', 'ONLINE_POST', 'OTHER');

-- CreateEnum
CREATE TYPE "communications"."ActivityChannel" AS ENUM ('LOUDSPEAKER', 'RADIO', 'TELEVISION', 'PRESS', 'SOCIAL_MEDIA', 'WEBSITE', 'IN_PERSON', 'PRINT', 'OTHER');

-- CreateEnum
CREATE TYPE "communications"."TargetGroup" AS ENUM ('GENERAL_PUBLIC', 'OFFICIALS', 'STUDENTS', 'ETHNIC_MINORITY_COMMUNITIES', 'MEN_AND_BOYS', 'WOMEN_AND_GIRLS', 'WORKERS', 'RELIGIOUS_LEADERS', 'OTHER');

-- CreateEnum
CREATE TYPE "communications"."MaterialType" AS ENUM ('LEAFLET', 'POSTER', 'BANNER', 'BOOKLET', 'VIDEO', 'AUDIO', 'ARTICLE', 'OTHER');

-- CreateTable
CREATE TABLE "communications"."activity" (
    "id" UUID NOT NULL,
    "campaign_id" UUID,
    "area_code" TEXT NOT NULL,
    "province_code" TEXT,
    "district_code" TEXT,
    "kind" "communications"."ActivityKind" NOT NULL,
    "title" TEXT NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "month" TEXT NOT NULL,
    "channel" "communications"."ActivityChannel",
    "organiser" TEXT,
    "target_groups" "communications"."TargetGroup"[],
    "reached_male" INTEGER NOT NULL DEFAULT 0,
    "reached_female" INTEGER NOT NULL DEFAULT 0,
    "participants_male" INTEGER,
    "participants_female" INTEGER,
    "officials_male" INTEGER,
    "officials_female" INTEGER,
    "cost" DECIMAL(16,0),
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "communications"."activity_material" (
    "activity_id" UUID NOT NULL,
    "type" "communications"."MaterialType" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "activity_material_pkey" PRIMARY KEY ("activity_id","type")
);

-- CreateIndex
CREATE INDEX "activity_campaign_id_idx" ON "communications"."activity"("campaign_id");

-- CreateIndex
CREATE INDEX "activity_month_area_code_idx" ON "communications"."activity"("month", "area_code");

-- CreateIndex
CREATE INDEX "activity_province_code_month_idx" ON "communications"."activity"("province_code", "month");

-- CreateIndex
CREATE INDEX "activity_district_code_month_idx" ON "communications"."activity"("district_code", "month");

-- AddForeignKey
ALTER TABLE "communications"."activity" ADD CONSTRAINT "activity_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "communications"."campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "communications"."activity_material" ADD CONSTRAINT "activity_material_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "communications"."activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Figures are counts: the database refuses negative ones whatever the write path.
ALTER TABLE "communications"."activity" ADD CONSTRAINT "activity_counts_non_negative" CHECK (
    "reached_male" >= 0 AND "reached_female" >= 0
    AND coalesce("participants_male", 0) >= 0 AND coalesce("participants_female", 0) >= 0
    AND coalesce("officials_male", 0) >= 0 AND coalesce("officials_female", 0) >= 0
    AND coalesce("cost", 0) >= 0 AND "end_date" >= "start_date"
);
ALTER TABLE "communications"."activity_material" ADD CONSTRAINT "activity_material_count_non_negative" CHECK ("count" >= 0);
