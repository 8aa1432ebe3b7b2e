-- How many areas of each level every area is or holds beneath it, per hierarchy version: the
-- denominator of completeness, read by every rollup. Kept by a trigger on the area table, so every
-- path that writes areas (imports, the reform, a hand-written fix) leaves it current.
CREATE TABLE "indicators"."area_size" (
    "hierarchy" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "level" "indicators"."AreaLevel" NOT NULL,
    "areas" INTEGER NOT NULL,

    CONSTRAINT "area_size_pkey" PRIMARY KEY ("hierarchy", "code", "level")
);

CREATE FUNCTION "indicators"."recount_area_size"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM indicators.area_size;
  INSERT INTO indicators.area_size (hierarchy, code, level, areas)
  SELECT hierarchy, code, level, 1 FROM indicators.area
  UNION ALL
  SELECT n.hierarchy, n.code, a.level, count(*)::int
    FROM indicators.area n JOIN indicators.area a ON a.hierarchy = n.hierarchy AND a.code <> n.code
   WHERE n.level = 'NATION' GROUP BY 1, 2, 3
  UNION ALL
  SELECT hierarchy, province_code, level, count(*)::int FROM indicators.area WHERE province_code IS NOT NULL GROUP BY 1, 2, 3
  UNION ALL
  SELECT hierarchy, district_code, level, count(*)::int FROM indicators.area WHERE district_code IS NOT NULL GROUP BY 1, 2, 3;
  RETURN NULL;
END $$;

CREATE TRIGGER recount_area_size AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicators"."area"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicators"."recount_area_size"();

-- The areas already stored.
UPDATE "indicators"."area" SET code = code WHERE false;
