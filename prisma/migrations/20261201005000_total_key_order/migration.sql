-- Rollups read the totals of a few periods and a few dozen areas for every element asked: period and
-- area first keep one area's elements side by side in the index (half the time of element-first at
-- national scale; docs/benchmarks.md).
ALTER TABLE "indicators"."data_value_total" DROP CONSTRAINT "data_value_total_pkey";
ALTER TABLE "indicators"."data_value_total" ADD CONSTRAINT "data_value_total_pkey" PRIMARY KEY ("period", "area_code", "data_element_code");
