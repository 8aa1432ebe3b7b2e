-- The advisory lock data writers hold shared until they commit (20261201010000_response_cache) is named once,
-- here: the functions that take it and the one that lists its holders read its key from cache.write_lock(), and
-- the gateway asks cache.data_writers() instead of repeating the key (docs/decisions/0070, 0072).
CREATE FUNCTION "cache"."write_lock"() RETURNS BIGINT LANGUAGE sql IMMUTABLE AS $$
  SELECT 7070707070::bigint
$$;

CREATE OR REPLACE FUNCTION "cache"."note_data_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(cache.write_lock());
  PERFORM nextval('cache.data_generation');
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "cache"."settled_generation"() RETURNS BIGINT LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(cache.write_lock()) THEN
    RETURN NULL;
  END IF;
  RETURN (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM cache.data_generation);
END $$;

-- The transactions writing at this moment: those holding the lock shared (a bigint key is its high and low
-- halves in classid and objid, objsubid 1).
CREATE FUNCTION "cache"."data_writers"() RETURNS TEXT[] LANGUAGE sql VOLATILE AS $$
  SELECT coalesce(array_agg(virtualtransaction::text), '{}') FROM pg_locks
   WHERE locktype = 'advisory' AND mode = 'ShareLock' AND granted
     AND classid::bigint = cache.write_lock() >> 32 AND objid::bigint = cache.write_lock() & 4294967295 AND objsubid = 1
$$;
