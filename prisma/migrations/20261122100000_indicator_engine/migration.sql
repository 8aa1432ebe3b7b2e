-- CreateEnum
CREATE TYPE "indicators"."ValueType" AS ENUM ('COUNT', 'NUMBER');

-- CreateEnum
CREATE TYPE "indicators"."DataValueSex" AS ENUM ('MALE', 'FEMALE', 'NONE');

-- CreateEnum
CREATE TYPE "indicators"."Sex" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "indicators"."IndicatorUnit" AS ENUM ('PERCENT', 'PER_100000', 'BOYS_PER_100_GIRLS', 'TIMES', 'COUNT');

-- CreateEnum
CREATE TYPE "indicators"."BetterDirection" AS ENUM ('HIGHER', 'LOWER');

-- CreateEnum
CREATE TYPE "indicators"."DataValueStatus" AS ENUM ('FINAL', 'PROVISIONAL', 'ESTIMATED');

-- CreateTable
CREATE TABLE "indicators"."data_element" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "description" TEXT,
    "value_type" "indicators"."ValueType" NOT NULL,
    "disaggregated_by_sex" BOOLEAN NOT NULL,
    "collection_level" "indicators"."AreaLevel" NOT NULL DEFAULT 'COMMUNE',

    CONSTRAINT "data_element_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "indicators"."indicator" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "description" TEXT,
    "numerator_element_code" TEXT NOT NULL,
    "numerator_sex" "indicators"."Sex",
    "denominator_element_code" TEXT,
    "denominator_sex" "indicators"."Sex",
    "factor" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "unit" "indicators"."IndicatorUnit" NOT NULL,
    "decimals" INTEGER NOT NULL DEFAULT 1,
    "better_direction" "indicators"."BetterDirection" NOT NULL,

    CONSTRAINT "indicator_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "indicators"."data_value" (
    "data_element_code" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "area_code" TEXT NOT NULL,
    "sex" "indicators"."DataValueSex" NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "status" "indicators"."DataValueStatus" NOT NULL DEFAULT 'FINAL',
    "comment" TEXT,
    "submitted_by" TEXT NOT NULL,
    "submitted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_value_pkey" PRIMARY KEY ("data_element_code","period","area_code","sex")
);

-- CreateTable
CREATE TABLE "indicators"."data_value_audit" (
    "id" BIGSERIAL NOT NULL,
    "data_element_code" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "area_code" TEXT NOT NULL,
    "sex" "indicators"."DataValueSex" NOT NULL,
    "old_value" DOUBLE PRECISION,
    "new_value" DOUBLE PRECISION NOT NULL,
    "old_status" "indicators"."DataValueStatus",
    "new_status" "indicators"."DataValueStatus" NOT NULL,
    "comment" TEXT,
    "changed_by" TEXT NOT NULL,
    "changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_value_audit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "indicator_numerator_element_code_idx" ON "indicators"."indicator"("numerator_element_code");

-- CreateIndex
CREATE INDEX "indicator_denominator_element_code_idx" ON "indicators"."indicator"("denominator_element_code");

-- CreateIndex
CREATE INDEX "data_value_area_code_idx" ON "indicators"."data_value"("area_code");

-- CreateIndex
CREATE INDEX "data_value_audit_data_element_code_area_code_period_sex_cha_idx" ON "indicators"."data_value_audit"("data_element_code", "area_code", "period", "sex", "changed_at");

-- AddForeignKey
ALTER TABLE "indicators"."indicator" ADD CONSTRAINT "indicator_numerator_element_code_fkey" FOREIGN KEY ("numerator_element_code") REFERENCES "indicators"."data_element"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicators"."indicator" ADD CONSTRAINT "indicator_denominator_element_code_fkey" FOREIGN KEY ("denominator_element_code") REFERENCES "indicators"."data_element"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicators"."data_value" ADD CONSTRAINT "data_value_data_element_code_fkey" FOREIGN KEY ("data_element_code") REFERENCES "indicators"."data_element"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicators"."data_value" ADD CONSTRAINT "data_value_area_code_fkey" FOREIGN KEY ("area_code") REFERENCES "indicators"."area"("code") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Raw SQL Prisma cannot express: the period format ("2023", "2023Q1", "202301") and the indicator's shape.
ALTER TABLE "indicators"."data_value" ADD CONSTRAINT "data_value_period_check" CHECK ("period" ~ '^[0-9]{4}(Q[1-4]|0[1-9]|1[0-2])?$');
ALTER TABLE "indicators"."data_value_audit" ADD CONSTRAINT "data_value_audit_period_check" CHECK ("period" ~ '^[0-9]{4}(Q[1-4]|0[1-9]|1[0-2])?$');
ALTER TABLE "indicators"."indicator" ADD CONSTRAINT "indicator_denominator_sex_check" CHECK ("denominator_sex" IS NULL OR "denominator_element_code" IS NOT NULL);
ALTER TABLE "indicators"."indicator" ADD CONSTRAINT "indicator_decimals_check" CHECK ("decimals" BETWEEN 0 AND 6);
