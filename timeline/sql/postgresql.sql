-- PostgreSQL: every trigger on the app's tables, in one place (installed by timeline.triggers.triggers_install).
--
-- The tallies are counts the timeline reads instead of counting events (README, "A million events"); every
-- write to an event or to its actor and place links moves them, whatever made the write (ORM, bulk, raw SQL).
-- Statement-level triggers with transition tables: a bulk write costs one aggregate per statement; the
-- tallies' changes go through delta tables (below).
-- To change a trigger: change it here, then add a migration that runs triggers_install (and recounts a tally
-- whose meaning changed). Migrations 0003-0018 built these step by step; this file is what they add up to.

-- ----------------------------------------------------------------------------------------------------
-- Deferred work. Every trigger below writes the changes it makes to a tally as rows of that tally's delta
-- table (plain inserts: no row of the tally is locked), and timeline_tally_apply adds them to the tally in one
-- statement, in key order, deleting them. By default a trigger applies its deltas at once, so every write (ORM,
-- bulk, raw SQL) leaves the tallies exact, and an event's search text is rebuilt as soon as what it is made of
-- changes. A transaction that sets timeline.defer to 'on' (SET LOCAL: the ingest service does, through
-- timeline.ingest.locking.derived_defer) instead notes the events whose search text is stale and keeps its
-- tally deltas, until it calls timeline_derived_apply() just before commit: each stale event's search text is
-- then built once, and the tallies take their deltas in one sorted statement each. Two ingests then never wait
-- for each other on a tally row until that last statement, and since each takes those rows in one order
-- they cannot deadlock there. Deltas and stale marks are never committed: whoever writes them applies them in
-- the same transaction (and any left behind would be applied by the next transaction that applies).

CREATE UNLOGGED TABLE IF NOT EXISTS timeline_eventtally_delta (
  period_kind varchar(5) NOT NULL, period date NOT NULL, event_type varchar(40) NOT NULL,
  status varchar(10) NOT NULL, merged boolean NOT NULL, count integer NOT NULL);

CREATE UNLOGGED TABLE IF NOT EXISTS timeline_actortally_delta (
  actor_id bigint NOT NULL, status varchar(10) NOT NULL, merged boolean NOT NULL, count integer NOT NULL);

CREATE UNLOGGED TABLE IF NOT EXISTS timeline_actoryeartally_delta (
  year date NOT NULL, actor_id bigint NOT NULL, status varchar(10) NOT NULL, merged boolean NOT NULL,
  count integer NOT NULL);

CREATE UNLOGGED TABLE IF NOT EXISTS timeline_actormonthtally_delta (
  actor_id bigint NOT NULL, month date NOT NULL, event_type varchar(40) NOT NULL, status varchar(10) NOT NULL,
  merged boolean NOT NULL, count integer NOT NULL);

CREATE UNLOGGED TABLE IF NOT EXISTS timeline_termmonthtally_delta (
  lexeme text NOT NULL, month date NOT NULL, event_type varchar(40) NOT NULL, status varchar(10) NOT NULL,
  merged boolean NOT NULL, count integer NOT NULL);

CREATE OR REPLACE FUNCTION timeline_tally_apply(tally text)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF tally = 'eventtally' THEN
    WITH d AS (DELETE FROM timeline_eventtally_delta RETURNING *)
    INSERT INTO timeline_eventtally (period_kind, period, event_type, status, merged, count)
      SELECT period_kind, period, event_type, status, merged, sum(count) FROM d
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(count) <> 0 ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (period_kind, period, event_type, status, merged)
      DO UPDATE SET count = timeline_eventtally.count + EXCLUDED.count;
  ELSIF tally = 'actortally' THEN
    WITH d AS (DELETE FROM timeline_actortally_delta RETURNING *)
    INSERT INTO timeline_actortally (actor_id, status, merged, count)
      SELECT actor_id, status, merged, sum(count) FROM d
      GROUP BY 1, 2, 3 HAVING sum(count) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (actor_id, status, merged)
      DO UPDATE SET count = timeline_actortally.count + EXCLUDED.count;
  ELSIF tally = 'actoryeartally' THEN
    WITH d AS (DELETE FROM timeline_actoryeartally_delta RETURNING *)
    INSERT INTO timeline_actoryeartally (year, actor_id, status, merged, count)
      SELECT year, actor_id, status, merged, sum(count) FROM d
      GROUP BY 1, 2, 3, 4 HAVING sum(count) <> 0 ORDER BY 1, 2, 3, 4
      ON CONFLICT (year, actor_id, status, merged)
      DO UPDATE SET count = timeline_actoryeartally.count + EXCLUDED.count;
  ELSIF tally = 'actormonthtally' THEN
    WITH d AS (DELETE FROM timeline_actormonthtally_delta RETURNING *)
    INSERT INTO timeline_actormonthtally (actor_id, month, event_type, status, merged, count)
      SELECT actor_id, month, event_type, status, merged, sum(count) FROM d
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(count) <> 0 ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (actor_id, month, event_type, status, merged)
      DO UPDATE SET count = timeline_actormonthtally.count + EXCLUDED.count;
  ELSIF tally = 'termmonthtally' THEN
    WITH d AS (DELETE FROM timeline_termmonthtally_delta RETURNING *)
    INSERT INTO timeline_termmonthtally (lexeme, month, event_type, status, merged, count)
      SELECT lexeme, month, event_type, status, merged, sum(count) FROM d
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(count) <> 0 ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (lexeme, month, event_type, status, merged)
      DO UPDATE SET count = timeline_termmonthtally.count + EXCLUDED.count;
  ELSE
    RAISE EXCEPTION 'no tally named %', tally;
  END IF;
END $function$;

CREATE OR REPLACE FUNCTION timeline_tally_apply_unless_deferred(tally text)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF COALESCE(current_setting('timeline.defer', true), '') NOT IN ('on', 'tallies') THEN
    PERFORM timeline_tally_apply(tally);
  END IF;
END $function$;

CREATE UNLOGGED TABLE IF NOT EXISTS timeline_event_search_stale (event_id bigint NOT NULL);

CREATE OR REPLACE FUNCTION timeline_derived_apply()
 RETURNS void
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM set_config('timeline.defer', 'tallies', true);  -- search texts now, their tallies' deltas below
  WITH stale AS (DELETE FROM timeline_event_search_stale RETURNING event_id)
  UPDATE timeline_event e SET search_text = '' WHERE e.id IN (SELECT event_id FROM stale);
  PERFORM timeline_tallies_apply();
  PERFORM set_config('timeline.defer', '', true);
END $function$;

CREATE OR REPLACE FUNCTION timeline_tallies_apply()
 RETURNS void
 LANGUAGE plpgsql
AS $function$
BEGIN
  -- always in this order: two transactions applying at once take the tallies' rows in one order
  PERFORM timeline_tally_apply('eventtally');
  PERFORM timeline_tally_apply('actortally');
  PERFORM timeline_tally_apply('actoryeartally');
  PERFORM timeline_tally_apply('actormonthtally');
  PERFORM timeline_tally_apply('termmonthtally');
END $function$;

-- ----------------------------------------------------------------------------------------------------
-- EventTally: events per day and per month, by type, status and merged

CREATE OR REPLACE FUNCTION timeline_event_tally()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO timeline_eventtally_delta (period_kind, period, event_type, status, merged, count)
    SELECT k.kind, k.period, o.event_type, o.status, o.merged_into_id IS NOT NULL, -count(*)
    FROM old_rows o
    CROSS JOIN LATERAL (VALUES ('day', o.date_start),
                               ('month', date_trunc('month', o.date_start)::date)) AS k(kind, period)
    WHERE o.date_start IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO timeline_eventtally_delta (period_kind, period, event_type, status, merged, count)
    SELECT k.kind, k.period, n.event_type, n.status, n.merged_into_id IS NOT NULL, count(*)
    FROM new_rows n
    CROSS JOIN LATERAL (VALUES ('day', n.date_start),
                               ('month', date_trunc('month', n.date_start)::date)) AS k(kind, period)
    WHERE n.date_start IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5;
  END IF;
  PERFORM timeline_tally_apply_unless_deferred('eventtally');
  RETURN NULL;
END $function$;

CREATE TRIGGER timeline_event_tally_del
  AFTER DELETE ON timeline_event
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_event_tally();

CREATE TRIGGER timeline_event_tally_ins
  AFTER INSERT ON timeline_event
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_event_tally();

CREATE TRIGGER timeline_event_tally_upd
  AFTER UPDATE ON timeline_event
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_event_tally();

-- ----------------------------------------------------------------------------------------------------
-- ActorTally: events per actor (as actor or place), by status and merged: the actor filter's choices

CREATE OR REPLACE FUNCTION timeline_actor_tally_event()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO timeline_actortally_delta (actor_id, status, merged, count)
  SELECT l.actor_id, s.status, s.merged, sum(s.sign)
  FROM (
    SELECT o.id, o.status, o.merged_into_id IS NOT NULL AS merged, -1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.status, o.merged_into_id) IS DISTINCT FROM (n.status, n.merged_into_id)
    UNION ALL
    SELECT n.id, n.status, n.merged_into_id IS NOT NULL, 1
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.status, o.merged_into_id) IS DISTINCT FROM (n.status, n.merged_into_id)
  ) s
  JOIN (SELECT event_id, actor_id FROM timeline_event_actors
        UNION ALL SELECT event_id, actor_id FROM timeline_event_places) l ON l.event_id = s.id

    GROUP BY 1, 2, 3;
  PERFORM timeline_tally_apply_unless_deferred('actortally');
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION timeline_actor_tally_links()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO timeline_actortally_delta (actor_id, status, merged, count)
    SELECT r.actor_id, e.status, e.merged_into_id IS NOT NULL, -count(*)

      FROM old_rows r JOIN timeline_event e ON e.id = r.event_id
      GROUP BY 1, 2, 3;
  ELSE
    INSERT INTO timeline_actortally_delta (actor_id, status, merged, count)
    SELECT r.actor_id, e.status, e.merged_into_id IS NOT NULL, count(*)

      FROM new_rows r JOIN timeline_event e ON e.id = r.event_id
      GROUP BY 1, 2, 3;
  END IF;
  PERFORM timeline_tally_apply_unless_deferred('actortally');
  RETURN NULL;
END $function$;

CREATE TRIGGER timeline_event_actor_tally
  AFTER UPDATE ON timeline_event
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_actor_tally_event();

CREATE TRIGGER timeline_event_actors_tally_del
  AFTER DELETE ON timeline_event_actors
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_actor_tally_links();

CREATE TRIGGER timeline_event_actors_tally_ins
  AFTER INSERT ON timeline_event_actors
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_actor_tally_links();

CREATE TRIGGER timeline_event_places_tally_del
  AFTER DELETE ON timeline_event_places
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_actor_tally_links();

CREATE TRIGGER timeline_event_places_tally_ins
  AFTER INSERT ON timeline_event_places
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_actor_tally_links();

-- ----------------------------------------------------------------------------------------------------
-- ActorYearTally: events per actor and year: the timeline with one row per actor

CREATE OR REPLACE FUNCTION timeline_actor_year_event()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO timeline_actoryeartally_delta (year, actor_id, status, merged, count)
  SELECT date_trunc('year', s.date_start)::date, l.actor_id, s.status, s.merged, sum(s.sign)
  FROM (
    SELECT o.id, o.date_start, o.status, o.merged_into_id IS NOT NULL AS merged, -1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id

      WHERE (o.date_start, o.status, o.merged_into_id) IS DISTINCT
      FROM (n.date_start, n.status, n.merged_into_id)
    UNION ALL
    SELECT n.id, n.date_start, n.status, n.merged_into_id IS NOT NULL, 1
    FROM old_rows o JOIN new_rows n ON n.id = o.id

      WHERE (o.date_start, o.status, o.merged_into_id) IS DISTINCT
      FROM (n.date_start, n.status, n.merged_into_id)
  ) s JOIN timeline_event_actors l ON l.event_id = s.id
  WHERE s.date_start IS NOT NULL

    GROUP BY 1, 2, 3, 4;
  PERFORM timeline_tally_apply_unless_deferred('actoryeartally');
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION timeline_actor_year_links()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO timeline_actoryeartally_delta (year, actor_id, status, merged, count)

      SELECT date_trunc('year', e.date_start)::date, r.actor_id, e.status, e.merged_into_id IS NOT NULL, -count(*)
    FROM old_rows r JOIN timeline_event e ON e.id = r.event_id WHERE e.date_start IS NOT NULL

      GROUP BY 1, 2, 3, 4;
  ELSE
    INSERT INTO timeline_actoryeartally_delta (year, actor_id, status, merged, count)

      SELECT date_trunc('year', e.date_start)::date, r.actor_id, e.status, e.merged_into_id IS NOT NULL, count(*)
    FROM new_rows r JOIN timeline_event e ON e.id = r.event_id WHERE e.date_start IS NOT NULL

      GROUP BY 1, 2, 3, 4;
  END IF;
  PERFORM timeline_tally_apply_unless_deferred('actoryeartally');
  RETURN NULL;
END $function$;

CREATE TRIGGER timeline_event_actor_year
  AFTER UPDATE ON timeline_event
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_actor_year_event();

CREATE TRIGGER timeline_event_actors_year_del
  AFTER DELETE ON timeline_event_actors
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_actor_year_links();

CREATE TRIGGER timeline_event_actors_year_ins
  AFTER INSERT ON timeline_event_actors
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_actor_year_links();

-- ----------------------------------------------------------------------------------------------------
-- ActorMonthTally: events per actor and month, by type (an actor who is also a place counts once)

CREATE OR REPLACE FUNCTION timeline_actor_month_actors()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO timeline_actormonthtally_delta (actor_id, month, event_type, status, merged, count)
      SELECT r.actor_id, date_trunc('month', e.date_start)::date, e.event_type, e.status, e.merged_into_id IS NOT NULL, -count(*)
      FROM old_rows r JOIN timeline_event e ON e.id = r.event_id
      WHERE e.date_start IS NOT NULL AND NOT EXISTS (SELECT 1
      FROM timeline_event_places o
      WHERE o.event_id = r.event_id AND o.actor_id = r.actor_id)
      GROUP BY 1, 2, 3, 4, 5;
  ELSE
    INSERT INTO timeline_actormonthtally_delta (actor_id, month, event_type, status, merged, count)
      SELECT r.actor_id, date_trunc('month', e.date_start)::date, e.event_type, e.status, e.merged_into_id IS NOT NULL, count(*)
      FROM new_rows r JOIN timeline_event e ON e.id = r.event_id
      WHERE e.date_start IS NOT NULL AND NOT EXISTS (SELECT 1
      FROM timeline_event_places o
      WHERE o.event_id = r.event_id AND o.actor_id = r.actor_id)
      GROUP BY 1, 2, 3, 4, 5;
  END IF;
  PERFORM timeline_tally_apply_unless_deferred('actormonthtally');
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION timeline_actor_month_event()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO timeline_actormonthtally_delta (actor_id, month, event_type, status, merged, count)
  SELECT l.actor_id, date_trunc('month', s.date_start)::date, s.event_type, s.status, s.merged, sum(s.sign)
  FROM (
    SELECT o.id, o.date_start, o.event_type, o.status, o.merged_into_id IS NOT NULL AS merged, -1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.date_start, o.event_type, o.status, o.merged_into_id)
      IS DISTINCT FROM (n.date_start, n.event_type, n.status, n.merged_into_id)
    UNION ALL
    SELECT n.id, n.date_start, n.event_type, n.status, n.merged_into_id IS NOT NULL, 1
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.date_start, o.event_type, o.status, o.merged_into_id)
      IS DISTINCT FROM (n.date_start, n.event_type, n.status, n.merged_into_id)
  ) s CROSS JOIN LATERAL (
    SELECT actor_id FROM timeline_event_actors WHERE event_id = s.id
    UNION SELECT actor_id FROM timeline_event_places WHERE event_id = s.id
  ) l
  WHERE s.date_start IS NOT NULL

    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(s.sign) <> 0;
  PERFORM timeline_tally_apply_unless_deferred('actormonthtally');
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION timeline_actor_month_places()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO timeline_actormonthtally_delta (actor_id, month, event_type, status, merged, count)
      SELECT r.actor_id, date_trunc('month', e.date_start)::date, e.event_type, e.status, e.merged_into_id IS NOT NULL, -count(*)
      FROM old_rows r JOIN timeline_event e ON e.id = r.event_id
      WHERE e.date_start IS NOT NULL AND NOT EXISTS (SELECT 1
      FROM timeline_event_actors o
      WHERE o.event_id = r.event_id AND o.actor_id = r.actor_id)
      GROUP BY 1, 2, 3, 4, 5;
  ELSE
    INSERT INTO timeline_actormonthtally_delta (actor_id, month, event_type, status, merged, count)
      SELECT r.actor_id, date_trunc('month', e.date_start)::date, e.event_type, e.status, e.merged_into_id IS NOT NULL, count(*)
      FROM new_rows r JOIN timeline_event e ON e.id = r.event_id
      WHERE e.date_start IS NOT NULL AND NOT EXISTS (SELECT 1
      FROM timeline_event_actors o
      WHERE o.event_id = r.event_id AND o.actor_id = r.actor_id)
      GROUP BY 1, 2, 3, 4, 5;
  END IF;
  PERFORM timeline_tally_apply_unless_deferred('actormonthtally');
  RETURN NULL;
END $function$;

CREATE TRIGGER timeline_event_actor_month
  AFTER UPDATE ON timeline_event
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_actor_month_event();

CREATE TRIGGER timeline_event_actors_month_del
  AFTER DELETE ON timeline_event_actors
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_actor_month_actors();

CREATE TRIGGER timeline_event_actors_month_ins
  AFTER INSERT ON timeline_event_actors
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_actor_month_actors();

CREATE TRIGGER timeline_event_places_month_del
  AFTER DELETE ON timeline_event_places
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_actor_month_places();

CREATE TRIGGER timeline_event_places_month_ins
  AFTER INSERT ON timeline_event_places
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_actor_month_places();

-- ----------------------------------------------------------------------------------------------------
-- TermMonthTally: events per search lexeme and month, by type

CREATE OR REPLACE FUNCTION timeline_term_month_tally()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO timeline_termmonthtally_delta (lexeme, month, event_type, status, merged, count)
      SELECT t.lexeme, date_trunc('month', r.date_start)::date, r.event_type, r.status, r.merged_into_id IS NOT NULL, count(*)
      FROM new_rows r CROSS JOIN LATERAL unnest(tsvector_to_array(r.search_vector)) AS t(lexeme)
      WHERE r.date_start IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO timeline_termmonthtally_delta (lexeme, month, event_type, status, merged, count)
      SELECT t.lexeme, date_trunc('month', r.date_start)::date, r.event_type, r.status, r.merged_into_id IS NOT NULL, -count(*)
      FROM old_rows r CROSS JOIN LATERAL unnest(tsvector_to_array(r.search_vector)) AS t(lexeme)
      WHERE r.date_start IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5;
  ELSE
    INSERT INTO timeline_termmonthtally_delta (lexeme, month, event_type, status, merged, count)
    SELECT lexeme, month, event_type, status, merged, sum(n) FROM (

        SELECT t.lexeme, date_trunc('month', r.date_start)::date, r.event_type, r.status, r.merged_into_id IS NOT NULL, -count(*)
        FROM (SELECT o.*
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.search_text, o.date_start, o.event_type, o.status, o.merged_into_id) IS DISTINCT
        FROM (n.search_text, n.date_start, n.event_type, n.status, n.merged_into_id)) r CROSS JOIN LATERAL unnest(tsvector_to_array(r.search_vector)) AS t(lexeme)
        WHERE r.date_start IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5
        UNION ALL SELECT t.lexeme, date_trunc('month', r.date_start)::date, r.event_type, r.status, r.merged_into_id IS NOT NULL, count(*)
        FROM (SELECT n.*
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.search_text, o.date_start, o.event_type, o.status, o.merged_into_id) IS DISTINCT
        FROM (n.search_text, n.date_start, n.event_type, n.status, n.merged_into_id)) r CROSS JOIN LATERAL unnest(tsvector_to_array(r.search_vector)) AS t(lexeme)
        WHERE r.date_start IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5
    ) AS d(lexeme, month, event_type, status, merged, n)

      GROUP BY 1, 2, 3, 4, 5
      HAVING sum(n) <> 0;
  END IF;
  PERFORM timeline_tally_apply_unless_deferred('termmonthtally');
  RETURN NULL;
END $function$;

CREATE TRIGGER timeline_event_term_del
  AFTER DELETE ON timeline_event
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_term_month_tally();

CREATE TRIGGER timeline_event_term_ins
  AFTER INSERT ON timeline_event
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_term_month_tally();

CREATE TRIGGER timeline_event_term_upd
  AFTER UPDATE ON timeline_event
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_term_month_tally();

-- ----------------------------------------------------------------------------------------------------
-- Search: an event's search text (title, summary, its passages) and, on PostgreSQL, its lexemes

CREATE OR REPLACE FUNCTION timeline_event_search_text()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.search_text <> '' AND (NEW.title, NEW.summary, NEW.search_text)
      IS NOT DISTINCT FROM (OLD.title, OLD.summary, OLD.search_text) THEN
    RETURN NEW;  -- nothing it is made of changed (a mention's or passage's change sets it to '' first)
  END IF;
  IF current_setting('timeline.defer', true) = 'on' THEN
    -- built once, by timeline_derived_apply; till then the old text and lexemes stay (and so do their tallies)
    INSERT INTO timeline_event_search_stale (event_id) VALUES (NEW.id);
    IF TG_OP = 'INSERT' THEN
      NEW.search_text := '';
      NEW.search_vector := ''::tsvector;
    ELSE
      NEW.search_text := OLD.search_text;
      NEW.search_vector := OLD.search_vector;
    END IF;
    RETURN NEW;
  END IF;
  NEW.search_text := COALESCE(NEW.title, '') || chr(10) || COALESCE(NEW.summary, '') || chr(10) || COALESCE((SELECT string_agg(p.text, chr(10) ORDER BY p.id)
    FROM timeline_mention m JOIN timeline_passage p ON p.id = m.passage_id
    WHERE m.event_id = NEW.id), '');
  NEW.search_vector := strip(to_tsvector('english'::regconfig, NEW.search_text));
  RETURN NEW;
END $function$;

CREATE OR REPLACE FUNCTION timeline_mention_search_text()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF current_setting('timeline.defer', true) = 'on' THEN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO timeline_event_search_stale (event_id) SELECT DISTINCT event_id FROM new_rows;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
      INSERT INTO timeline_event_search_stale (event_id) SELECT DISTINCT event_id FROM old_rows;
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE timeline_event e SET search_text = '' WHERE e.id IN (SELECT event_id FROM new_rows);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE timeline_event e SET search_text = '' WHERE e.id IN (SELECT event_id FROM old_rows);
  END IF;
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION timeline_passage_search_text()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF current_setting('timeline.defer', true) = 'on' THEN
    INSERT INTO timeline_event_search_stale (event_id)
      SELECT DISTINCT m.event_id FROM timeline_mention m JOIN new_rows n ON n.id = m.passage_id
      JOIN old_rows o ON o.id = n.id WHERE n.text IS DISTINCT FROM o.text;
    RETURN NULL;
  END IF;
  UPDATE timeline_event e SET search_text = '' WHERE e.id IN (
    SELECT m.event_id FROM timeline_mention m JOIN new_rows n ON n.id = m.passage_id
    JOIN old_rows o ON o.id = n.id WHERE n.text IS DISTINCT FROM o.text);
  RETURN NULL;
END $function$;

CREATE TRIGGER timeline_event_search_text
  BEFORE INSERT OR UPDATE ON timeline_event
  FOR EACH ROW EXECUTE FUNCTION timeline_event_search_text();

CREATE TRIGGER timeline_mention_search_del
  AFTER DELETE ON timeline_mention
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_mention_search_text();

CREATE TRIGGER timeline_mention_search_ins
  AFTER INSERT ON timeline_mention
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_mention_search_text();

CREATE TRIGGER timeline_mention_search_upd
  AFTER UPDATE ON timeline_mention
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_mention_search_text();

CREATE TRIGGER timeline_passage_search_upd
  AFTER UPDATE ON timeline_passage
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_passage_search_text();
