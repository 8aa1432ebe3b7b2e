-- CreateEnum
CREATE TYPE "plans"."TargetComparison" AS ENUM ('AT_LEAST', 'AT_MOST', 'MAINTAIN', 'EXACT');

-- CreateEnum
CREATE TYPE "plans"."TargetSex" AS ENUM ('ALL', 'MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "plans"."ReportingLevel" AS ENUM ('COMMUNE', 'DISTRICT', 'PROVINCE', 'MINISTRY');

-- CreateTable
CREATE TABLE "plans"."target" (
    "id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "indicator_code" TEXT NOT NULL,
    "area_code" TEXT NOT NULL,
    "sex" "plans"."TargetSex" NOT NULL DEFAULT 'ALL',
    "period" TEXT NOT NULL,
    "target_value" DOUBLE PRECISION NOT NULL,
    "comparison" "plans"."TargetComparison" NOT NULL,
    "baseline_value" DOUBLE PRECISION,
    "baseline_period" TEXT,
    "responsible_agency" TEXT,
    "notes" TEXT,
    "source_text" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plans"."reporting_deadline" (
    "id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "report" TEXT NOT NULL,
    "from_level" "plans"."ReportingLevel" NOT NULL,
    "to_level" "plans"."ReportingLevel" NOT NULL,
    "due_date" DATE NOT NULL,
    "submitted_on" DATE,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reporting_deadline_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "target_area_code_period_idx" ON "plans"."target"("area_code", "period");

-- CreateIndex
CREATE INDEX "target_indicator_code_idx" ON "plans"."target"("indicator_code");

-- CreateIndex
CREATE UNIQUE INDEX "target_plan_id_indicator_code_period_sex_key" ON "plans"."target"("plan_id", "indicator_code", "period", "sex");

-- CreateIndex
CREATE INDEX "reporting_deadline_plan_id_idx" ON "plans"."reporting_deadline"("plan_id");

-- AddForeignKey
ALTER TABLE "plans"."target" ADD CONSTRAINT "target_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans"."plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plans"."reporting_deadline" ADD CONSTRAINT "reporting_deadline_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans"."plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

