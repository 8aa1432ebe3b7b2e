-- Data elements derived from case records are confidential: the disclosure rule suppresses their small
-- figures for every caller but case workers and administrators (docs/decisions/0080-one-disclosure-rule.md).
ALTER TABLE "indicators"."data_element" ADD COLUMN "confidential" BOOLEAN NOT NULL DEFAULT false;

UPDATE "indicators"."data_element" SET "confidential" = true
 WHERE "code" IN ('GBV_VICTIMS_DETECTED', 'GBV_VICTIMS_SUPPORTED', 'GBV_PERPETRATORS_DETECTED', 'GBV_PERPETRATORS_COUNSELLED',
                  'TRAFFICKING_VICTIMS_IN_NEED', 'TRAFFICKING_VICTIMS_SUPPORTED');
