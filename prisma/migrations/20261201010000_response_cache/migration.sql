-- The gateway's response cache (docs/decisions/0070-response-cache.md).
CREATE SCHEMA IF NOT EXISTS "cache";

-- A cached answer is served only while the data generation is the one it was computed at.
CREATE TABLE "cache"."response" (
    "key" TEXT NOT NULL,
    "generation" BIGINT NOT NULL,
    "body" TEXT NOT NULL,
    "stored_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "response_pkey" PRIMARY KEY ("key")
);

-- Bumped by every statement that writes a table whose rows answers are computed from. A sequence
-- moves without taking a row lock, so concurrent writers never wait on each other for it.
CREATE SEQUENCE "cache"."data_generation";

-- Writers hold this advisory lock shared from their first write until they commit; a reader that can
-- take it exclusively knows no write is in flight, so what it reads next is at least that generation.
CREATE FUNCTION "cache"."note_data_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7070707070);
  PERFORM nextval('cache.data_generation');
  RETURN NULL;
END $$;

-- The generation a reader may cache an answer at, or NULL while a write is in flight.
CREATE FUNCTION "cache"."settled_generation"() RETURNS BIGINT LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(7070707070) THEN
    RETURN NULL;
  END IF;
  RETURN (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM cache.data_generation);
END $$;

CREATE FUNCTION "cache"."current_generation"() RETURNS BIGINT LANGUAGE sql VOLATILE AS $$
  SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM cache.data_generation
$$;

-- Every table of the subgraphs whose answers the gateway may cache. The cases subgraph's answers are
-- never cached (its aggregates reach the indicators tables through submitDataValues).
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT table_schema, table_name FROM information_schema.tables
            WHERE table_schema IN ('indicators', 'plans', 'communications') AND table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('CREATE TRIGGER note_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I.%I FOR EACH STATEMENT EXECUTE FUNCTION cache.note_data_change()', t.table_schema, t.table_name);
  END LOOP;
END $$;
