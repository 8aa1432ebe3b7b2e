-- Only answers computed with no write in flight are kept (docs/decisions/0121-settled-answers-only.md). An answer
-- computed during a write may predate it at the current generation: those kept so far go before their marker does,
-- with the table locked so that a copy of the previous release cannot keep another one in between.
LOCK TABLE "cache"."response" IN ACCESS EXCLUSIVE MODE;
DELETE FROM "cache"."response" WHERE cardinality("writers") > 0;
ALTER TABLE "cache"."response" DROP COLUMN "writers";
