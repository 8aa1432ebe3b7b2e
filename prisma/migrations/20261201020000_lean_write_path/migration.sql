-- Less work per stored value (docs/decisions/0071-lean-write-path.md).

-- Nothing reads data values by area alone; the index cost every insert a leaf page of its own.
DROP INDEX IF EXISTS "indicators"."data_value_area_code_idx";

-- Running totals are kept for areas with areas beneath them: a commune's sums are its own values.
DELETE FROM "indicators"."data_value_total" t
WHERE EXISTS (SELECT 1 FROM "indicators"."area" a WHERE a.code = t.area_code AND a.level = 'COMMUNE')
  AND NOT EXISTS (SELECT 1 FROM "indicators"."area" a WHERE a.code = t.area_code AND a.level <> 'COMMUNE');

-- The audit records changes with the state they replaced; a first submission is the value row itself.
ALTER TABLE "indicators"."data_value_audit"
  ADD COLUMN "old_comment" TEXT,
  ADD COLUMN "old_changed_by" TEXT,
  ADD COLUMN "old_changed_at" TIMESTAMP(3);
