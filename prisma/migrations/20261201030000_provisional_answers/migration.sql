-- Answers computed while writes are in flight are kept with the writing transactions of that moment, and served
-- only while every one of them is still writing (docs/decisions/0072-answers-in-flight.md).
ALTER TABLE "cache"."response" ADD COLUMN "writers" TEXT[];
