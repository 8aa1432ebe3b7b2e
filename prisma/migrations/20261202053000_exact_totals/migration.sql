-- Exact running totals and bounded values (docs/decisions/0076-exact-totals-and-value-bounds.md).

-- Totals are sums of changes: in double precision a change of 1e20 and back loses every small value beneath it.
ALTER TABLE "indicators"."data_value_total" ALTER COLUMN "male" SET DATA TYPE DECIMAL,
ALTER COLUMN "female" SET DATA TYPE DECIMAL,
ALTER COLUMN "none" SET DATA TYPE DECIMAL;

-- The largest value an element accepts (e.g. 100 for a percentage), beyond the bound of its value type.
ALTER TABLE "indicators"."data_element" ADD COLUMN "max_value" DOUBLE PRECISION;
