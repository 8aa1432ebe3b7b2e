-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "cases";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "communications";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "indicators";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "plans";

-- CreateEnum
CREATE TYPE "indicators"."AreaLevel" AS ENUM ('NATION', 'PROVINCE', 'DISTRICT', 'COMMUNE');

-- CreateEnum
CREATE TYPE "plans"."PlanType" AS ENUM ('YEARLY', 'FIVE_YEAR', 'STRATEGY');

-- CreateEnum
CREATE TYPE "plans"."PlanStatus" AS ENUM ('DRAFT', 'ISSUED', 'CLOSED');

-- CreateEnum
CREATE TYPE "cases"."SupportFacilityKind" AS ENUM ('TRUSTED_ADDRESS', 'SHELTER', 'SOCIAL_ASSISTANCE_CENTRE', 'COUNSELLING_OFFICE');

-- CreateTable
CREATE TABLE "indicators"."area" (
    "code" TEXT NOT NULL,
    "level" "indicators"."AreaLevel" NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "full_name" TEXT NOT NULL,
    "full_name_en" TEXT NOT NULL,
    "parent_code" TEXT,
    "province_code" TEXT,
    "district_code" TEXT,

    CONSTRAINT "area_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "plans"."plan" (
    "id" UUID NOT NULL,
    "area_code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "title_en" TEXT,
    "type" "plans"."PlanType" NOT NULL,
    "start_year" INTEGER NOT NULL,
    "end_year" INTEGER NOT NULL,
    "document_number" TEXT,
    "document_date" DATE,
    "status" "plans"."PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cases"."support_facility" (
    "id" UUID NOT NULL,
    "area_code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT,
    "kind" "cases"."SupportFacilityKind" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "support_facility_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "communications"."campaign" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT,
    "theme" TEXT,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "organising_area_code" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "communications"."campaign_area" (
    "campaign_id" UUID NOT NULL,
    "area_code" TEXT NOT NULL,

    CONSTRAINT "campaign_area_pkey" PRIMARY KEY ("campaign_id","area_code")
);

-- CreateIndex
CREATE INDEX "area_parent_code_idx" ON "indicators"."area"("parent_code");

-- CreateIndex
CREATE INDEX "area_level_province_code_idx" ON "indicators"."area"("level", "province_code");

-- CreateIndex
CREATE INDEX "area_district_code_idx" ON "indicators"."area"("district_code");

-- CreateIndex
CREATE INDEX "plan_area_code_idx" ON "plans"."plan"("area_code");

-- CreateIndex
CREATE UNIQUE INDEX "plan_area_code_document_number_key" ON "plans"."plan"("area_code", "document_number");

-- CreateIndex
CREATE INDEX "support_facility_area_code_idx" ON "cases"."support_facility"("area_code");

-- CreateIndex
CREATE UNIQUE INDEX "support_facility_area_code_name_key" ON "cases"."support_facility"("area_code", "name");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_code_key" ON "communications"."campaign"("code");

-- CreateIndex
CREATE INDEX "campaign_organising_area_code_idx" ON "communications"."campaign"("organising_area_code");

-- CreateIndex
CREATE INDEX "campaign_area_area_code_idx" ON "communications"."campaign_area"("area_code");

-- AddForeignKey
ALTER TABLE "indicators"."area" ADD CONSTRAINT "area_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "indicators"."area"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "communications"."campaign_area" ADD CONSTRAINT "campaign_area_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "communications"."campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

