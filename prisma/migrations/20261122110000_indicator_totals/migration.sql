-- CreateTable
CREATE TABLE "indicators"."data_value_total" (
    "data_element_code" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "area_code" TEXT NOT NULL,
    "male" DOUBLE PRECISION,
    "female" DOUBLE PRECISION,
    "none" DOUBLE PRECISION,
    "reporting_areas" INTEGER NOT NULL,

    CONSTRAINT "data_value_total_pkey" PRIMARY KEY ("data_element_code","period","area_code")
);


-- Backfill from the values already stored: each value counts at its own area, its district, its province and the nation.
INSERT INTO "indicators"."data_value_total" ("data_element_code", "period", "area_code", "male", "female", "none", "reporting_areas")
SELECT dv.data_element_code, dv.period, ancestor.code,
       sum(dv.value) FILTER (WHERE dv.sex = 'MALE'),
       sum(dv.value) FILTER (WHERE dv.sex = 'FEMALE'),
       sum(dv.value) FILTER (WHERE dv.sex = 'NONE'),
       count(DISTINCT dv.area_code)::int
FROM "indicators"."data_value" dv
JOIN "indicators"."area" a ON a.code = dv.area_code
CROSS JOIN LATERAL (VALUES (a.code), (a.district_code), (a.province_code), (CASE WHEN a.level <> 'NATION' THEN 'VN' END)) AS ancestor(code)
WHERE ancestor.code IS NOT NULL
GROUP BY 1, 2, 3;
