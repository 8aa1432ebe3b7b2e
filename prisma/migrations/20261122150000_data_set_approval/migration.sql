-- CreateEnum
CREATE TYPE "indicators"."ApprovalState" AS ENUM ('OPEN', 'SUBMITTED', 'APPROVED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "indicators"."ApprovalAction" AS ENUM ('SUBMIT', 'APPROVE', 'ACCEPT', 'RETURN');

-- CreateTable
CREATE TABLE "indicators"."data_set" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "collection_level" "indicators"."AreaLevel" NOT NULL,

    CONSTRAINT "data_set_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "indicators"."data_set_element" (
    "data_set_code" TEXT NOT NULL,
    "data_element_code" TEXT NOT NULL,

    CONSTRAINT "data_set_element_pkey" PRIMARY KEY ("data_set_code","data_element_code")
);

-- CreateTable
CREATE TABLE "indicators"."data_approval" (
    "data_set_code" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "area_code" TEXT NOT NULL,
    "state" "indicators"."ApprovalState" NOT NULL,
    "reported_at" TIMESTAMP(3),
    "changed_by" TEXT NOT NULL,
    "changed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "data_approval_pkey" PRIMARY KEY ("data_set_code","period","area_code")
);

-- CreateTable
CREATE TABLE "indicators"."data_approval_event" (
    "id" BIGSERIAL NOT NULL,
    "data_set_code" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "area_code" TEXT NOT NULL,
    "action" "indicators"."ApprovalAction" NOT NULL,
    "from_state" "indicators"."ApprovalState" NOT NULL,
    "to_state" "indicators"."ApprovalState" NOT NULL,
    "actor" TEXT NOT NULL,
    "reason" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_approval_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicators"."data_set_deadline" (
    "data_set_code" TEXT NOT NULL,
    "level" "indicators"."AreaLevel" NOT NULL,
    "month" INTEGER NOT NULL,
    "day" INTEGER NOT NULL,
    "year_offset" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "data_set_deadline_pkey" PRIMARY KEY ("data_set_code","level")
);

-- CreateIndex
CREATE INDEX "data_set_element_data_element_code_idx" ON "indicators"."data_set_element"("data_element_code");

-- CreateIndex
CREATE INDEX "data_approval_event_data_set_code_period_area_code_at_idx" ON "indicators"."data_approval_event"("data_set_code", "period", "area_code", "at");

-- AddForeignKey
ALTER TABLE "indicators"."data_set_element" ADD CONSTRAINT "data_set_element_data_set_code_fkey" FOREIGN KEY ("data_set_code") REFERENCES "indicators"."data_set"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicators"."data_set_element" ADD CONSTRAINT "data_set_element_data_element_code_fkey" FOREIGN KEY ("data_element_code") REFERENCES "indicators"."data_element"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicators"."data_approval" ADD CONSTRAINT "data_approval_data_set_code_fkey" FOREIGN KEY ("data_set_code") REFERENCES "indicators"."data_set"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicators"."data_set_deadline" ADD CONSTRAINT "data_set_deadline_data_set_code_fkey" FOREIGN KEY ("data_set_code") REFERENCES "indicators"."data_set"("code") ON DELETE CASCADE ON UPDATE CASCADE;

