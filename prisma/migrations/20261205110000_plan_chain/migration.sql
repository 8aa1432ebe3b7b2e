-- The chain of plans: the plan a plan implements (docs/decisions/0107-the-chain-of-plans.md).
ALTER TABLE "plans"."plan" ADD COLUMN "parent_plan_id" UUID;
CREATE INDEX "plan_parent_plan_id_idx" ON "plans"."plan"("parent_plan_id");
ALTER TABLE "plans"."plan" ADD CONSTRAINT "plan_parent_plan_id_fkey"
    FOREIGN KEY ("parent_plan_id") REFERENCES "plans"."plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A plan sets targets for areas beneath its own: one target per area, indicator, year and sex.
DROP INDEX "plans"."target_plan_id_indicator_code_period_sex_key";
CREATE UNIQUE INDEX "target_plan_id_area_code_indicator_code_period_sex_key" ON "plans"."target"("plan_id", "area_code", "indicator_code", "period", "sex");
