-- SQLite: every trigger on the app's tables, in one place (installed by timeline.triggers.triggers_install).
--
-- The tallies are counts the timeline reads instead of counting events (README, "A million events"); every
-- write to an event or to its actor and place links moves them, whatever made the write (ORM, bulk, raw SQL).
-- Row-level triggers (SQLite has no statement-level ones); no lexeme tally.
-- To change a trigger: change it here, then add a migration that runs triggers_install (and recounts a tally
-- whose meaning changed). Migrations 0003-0018 built these step by step; this file is what they add up to.

-- ----------------------------------------------------------------------------------------------------
-- EventTally: events per day and per month, by type, status and merged

CREATE TRIGGER timeline_event_tally_del AFTER DELETE ON timeline_event
  WHEN OLD.date_start IS NOT NULL
BEGIN
  INSERT INTO timeline_eventtally (period_kind, period, event_type, status, merged, count)
    VALUES ('day', OLD.date_start, OLD.event_type, OLD.status, OLD.merged_into_id IS NOT NULL, -1)
    ON CONFLICT (period_kind, period, event_type, status, merged)
    DO UPDATE SET count = count - 1;
  INSERT INTO timeline_eventtally (period_kind, period, event_type, status, merged, count)
    VALUES ('month', strftime('%Y-%m-01', OLD.date_start), OLD.event_type, OLD.status, OLD.merged_into_id IS NOT NULL, -1)
    ON CONFLICT (period_kind, period, event_type, status, merged)
    DO UPDATE SET count = count - 1;
END;

CREATE TRIGGER timeline_event_tally_ins AFTER INSERT ON timeline_event
  WHEN NEW.date_start IS NOT NULL
BEGIN
  INSERT INTO timeline_eventtally (period_kind, period, event_type, status, merged, count)
    VALUES ('day', NEW.date_start, NEW.event_type, NEW.status, NEW.merged_into_id IS NOT NULL, +1)
    ON CONFLICT (period_kind, period, event_type, status, merged)
    DO UPDATE SET count = count + 1;
  INSERT INTO timeline_eventtally (period_kind, period, event_type, status, merged, count)
    VALUES ('month', strftime('%Y-%m-01', NEW.date_start), NEW.event_type, NEW.status, NEW.merged_into_id IS NOT NULL, +1)
    ON CONFLICT (period_kind, period, event_type, status, merged)
    DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER timeline_event_tally_upd_new AFTER UPDATE OF date_start, event_type, status, merged_into_id ON timeline_event
  WHEN NEW.date_start IS NOT NULL
BEGIN
  INSERT INTO timeline_eventtally (period_kind, period, event_type, status, merged, count)
    VALUES ('day', NEW.date_start, NEW.event_type, NEW.status, NEW.merged_into_id IS NOT NULL, +1)
    ON CONFLICT (period_kind, period, event_type, status, merged)
    DO UPDATE SET count = count + 1;
  INSERT INTO timeline_eventtally (period_kind, period, event_type, status, merged, count)
    VALUES ('month', strftime('%Y-%m-01', NEW.date_start), NEW.event_type, NEW.status, NEW.merged_into_id IS NOT NULL, +1)
    ON CONFLICT (period_kind, period, event_type, status, merged)
    DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER timeline_event_tally_upd_old AFTER UPDATE OF date_start, event_type, status, merged_into_id ON timeline_event
  WHEN OLD.date_start IS NOT NULL
BEGIN
  INSERT INTO timeline_eventtally (period_kind, period, event_type, status, merged, count)
    VALUES ('day', OLD.date_start, OLD.event_type, OLD.status, OLD.merged_into_id IS NOT NULL, -1)
    ON CONFLICT (period_kind, period, event_type, status, merged)
    DO UPDATE SET count = count - 1;
  INSERT INTO timeline_eventtally (period_kind, period, event_type, status, merged, count)
    VALUES ('month', strftime('%Y-%m-01', OLD.date_start), OLD.event_type, OLD.status, OLD.merged_into_id IS NOT NULL, -1)
    ON CONFLICT (period_kind, period, event_type, status, merged)
    DO UPDATE SET count = count - 1;
END;

-- ----------------------------------------------------------------------------------------------------
-- ActorTally: events per actor (as actor or place), by status and merged: the actor filter's choices

CREATE TRIGGER timeline_event_actor_tally AFTER UPDATE OF status, merged_into_id ON timeline_event
  WHEN OLD.status IS NOT NEW.status OR OLD.merged_into_id IS NOT NEW.merged_into_id
BEGIN
  INSERT INTO timeline_actortally (actor_id, status, merged, count)
    SELECT l.actor_id, OLD.status, OLD.merged_into_id IS NOT NULL, -count(*)
    FROM (SELECT actor_id
    FROM timeline_event_actors
    WHERE event_id = OLD.id
    UNION ALL SELECT actor_id
    FROM timeline_event_places
    WHERE event_id = OLD.id) l
    WHERE true
    GROUP BY l.actor_id
    ON CONFLICT (actor_id, status, merged)
    DO UPDATE SET count = timeline_actortally.count + EXCLUDED.count;
  INSERT INTO timeline_actortally (actor_id, status, merged, count)
    SELECT l.actor_id, NEW.status, NEW.merged_into_id IS NOT NULL, count(*)
    FROM (SELECT actor_id
    FROM timeline_event_actors
    WHERE event_id = NEW.id
    UNION ALL SELECT actor_id
    FROM timeline_event_places
    WHERE event_id = NEW.id) l
    WHERE true
    GROUP BY l.actor_id
    ON CONFLICT (actor_id, status, merged)
    DO UPDATE SET count = timeline_actortally.count + EXCLUDED.count;
END;

CREATE TRIGGER timeline_event_actors_tally_del AFTER DELETE ON timeline_event_actors
BEGIN
  INSERT INTO timeline_actortally (actor_id, status, merged, count)
    SELECT OLD.actor_id, e.status, e.merged_into_id IS NOT NULL, -1
    FROM timeline_event e
    WHERE e.id = OLD.event_id
    ON CONFLICT (actor_id, status, merged)
    DO UPDATE SET count = timeline_actortally.count + EXCLUDED.count;
END;

CREATE TRIGGER timeline_event_actors_tally_ins AFTER INSERT ON timeline_event_actors
BEGIN
  INSERT INTO timeline_actortally (actor_id, status, merged, count)
    SELECT NEW.actor_id, e.status, e.merged_into_id IS NOT NULL, 1
    FROM timeline_event e
    WHERE e.id = NEW.event_id
    ON CONFLICT (actor_id, status, merged)
    DO UPDATE SET count = timeline_actortally.count + EXCLUDED.count;
END;

CREATE TRIGGER timeline_event_places_tally_del AFTER DELETE ON timeline_event_places
BEGIN
  INSERT INTO timeline_actortally (actor_id, status, merged, count)
    SELECT OLD.actor_id, e.status, e.merged_into_id IS NOT NULL, -1
    FROM timeline_event e
    WHERE e.id = OLD.event_id
    ON CONFLICT (actor_id, status, merged)
    DO UPDATE SET count = timeline_actortally.count + EXCLUDED.count;
END;

CREATE TRIGGER timeline_event_places_tally_ins AFTER INSERT ON timeline_event_places
BEGIN
  INSERT INTO timeline_actortally (actor_id, status, merged, count)
    SELECT NEW.actor_id, e.status, e.merged_into_id IS NOT NULL, 1
    FROM timeline_event e
    WHERE e.id = NEW.event_id
    ON CONFLICT (actor_id, status, merged)
    DO UPDATE SET count = timeline_actortally.count + EXCLUDED.count;
END;

-- ----------------------------------------------------------------------------------------------------
-- ActorYearTally: events per actor and year: the timeline with one row per actor

CREATE TRIGGER timeline_event_actor_year AFTER UPDATE OF date_start, status, merged_into_id ON timeline_event
  WHEN OLD.date_start IS NOT NEW.date_start OR OLD.status IS NOT NEW.status OR OLD.merged_into_id IS NOT NEW.merged_into_id
BEGIN
  INSERT INTO timeline_actoryeartally (year, actor_id, status, merged, count)
    SELECT strftime('%Y-01-01', OLD.date_start), l.actor_id, OLD.status, OLD.merged_into_id IS NOT NULL, -count(*)
    FROM timeline_event_actors l
    WHERE l.event_id = OLD.id AND OLD.date_start IS NOT NULL
    GROUP BY l.actor_id
    ON CONFLICT (year, actor_id, status, merged)
    DO UPDATE SET count = timeline_actoryeartally.count + EXCLUDED.count;
  INSERT INTO timeline_actoryeartally (year, actor_id, status, merged, count)
    SELECT strftime('%Y-01-01', NEW.date_start), l.actor_id, NEW.status, NEW.merged_into_id IS NOT NULL, count(*)
    FROM timeline_event_actors l
    WHERE l.event_id = NEW.id AND NEW.date_start IS NOT NULL
    GROUP BY l.actor_id
    ON CONFLICT (year, actor_id, status, merged)
    DO UPDATE SET count = timeline_actoryeartally.count + EXCLUDED.count;
END;

CREATE TRIGGER timeline_event_actors_year_del AFTER DELETE ON timeline_event_actors
BEGIN
  INSERT INTO timeline_actoryeartally (year, actor_id, status, merged, count)
    SELECT strftime('%Y-01-01', e.date_start), OLD.actor_id, e.status, e.merged_into_id IS NOT NULL, -1
    FROM timeline_event e
    WHERE e.id = OLD.event_id AND e.date_start IS NOT NULL
    ON CONFLICT (year, actor_id, status, merged)
    DO UPDATE SET count = timeline_actoryeartally.count + EXCLUDED.count;
END;

CREATE TRIGGER timeline_event_actors_year_ins AFTER INSERT ON timeline_event_actors
BEGIN
  INSERT INTO timeline_actoryeartally (year, actor_id, status, merged, count)
    SELECT strftime('%Y-01-01', e.date_start), NEW.actor_id, e.status, e.merged_into_id IS NOT NULL, 1
    FROM timeline_event e
    WHERE e.id = NEW.event_id AND e.date_start IS NOT NULL
    ON CONFLICT (year, actor_id, status, merged)
    DO UPDATE SET count = timeline_actoryeartally.count + EXCLUDED.count;
END;

-- ----------------------------------------------------------------------------------------------------
-- ActorMonthTally: events per actor and month, by type (an actor who is also a place counts once)

CREATE TRIGGER timeline_event_actor_month AFTER UPDATE OF date_start, event_type, status, merged_into_id ON timeline_event
  WHEN OLD.date_start IS NOT NEW.date_start OR OLD.event_type IS NOT NEW.event_type OR OLD.status IS NOT NEW.status OR OLD.merged_into_id IS NOT NEW.merged_into_id
BEGIN
  INSERT INTO timeline_actormonthtally (actor_id, month, event_type, status, merged, count)
    SELECT l.actor_id, strftime('%Y-%m-01', OLD.date_start), OLD.event_type, OLD.status, OLD.merged_into_id IS NOT NULL, -1
    FROM (SELECT actor_id
    FROM timeline_event_actors
    WHERE event_id = OLD.id
    UNION SELECT actor_id
    FROM timeline_event_places
    WHERE event_id = OLD.id) l
    WHERE OLD.date_start IS NOT NULL
    ON CONFLICT (actor_id, month, event_type, status, merged)
    DO UPDATE SET count = timeline_actormonthtally.count + EXCLUDED.count;
  INSERT INTO timeline_actormonthtally (actor_id, month, event_type, status, merged, count)
    SELECT l.actor_id, strftime('%Y-%m-01', NEW.date_start), NEW.event_type, NEW.status, NEW.merged_into_id IS NOT NULL, 1
    FROM (SELECT actor_id
    FROM timeline_event_actors
    WHERE event_id = NEW.id
    UNION SELECT actor_id
    FROM timeline_event_places
    WHERE event_id = NEW.id) l
    WHERE NEW.date_start IS NOT NULL
    ON CONFLICT (actor_id, month, event_type, status, merged)
    DO UPDATE SET count = timeline_actormonthtally.count + EXCLUDED.count;
END;

CREATE TRIGGER timeline_event_actors_month_del AFTER DELETE ON timeline_event_actors
  WHEN NOT EXISTS (SELECT 1
  FROM timeline_event_places o
  WHERE o.event_id = OLD.event_id AND o.actor_id = OLD.actor_id)
BEGIN
  INSERT INTO timeline_actormonthtally (actor_id, month, event_type, status, merged, count)
    SELECT OLD.actor_id, strftime('%Y-%m-01', e.date_start), e.event_type, e.status, e.merged_into_id IS NOT NULL, -1
    FROM timeline_event e
    WHERE e.id = OLD.event_id AND e.date_start IS NOT NULL
    ON CONFLICT (actor_id, month, event_type, status, merged)
    DO UPDATE SET count = timeline_actormonthtally.count + EXCLUDED.count;
END;

CREATE TRIGGER timeline_event_actors_month_ins AFTER INSERT ON timeline_event_actors
  WHEN NOT EXISTS (SELECT 1
  FROM timeline_event_places o
  WHERE o.event_id = NEW.event_id AND o.actor_id = NEW.actor_id)
BEGIN
  INSERT INTO timeline_actormonthtally (actor_id, month, event_type, status, merged, count)
    SELECT NEW.actor_id, strftime('%Y-%m-01', e.date_start), e.event_type, e.status, e.merged_into_id IS NOT NULL, 1
    FROM timeline_event e
    WHERE e.id = NEW.event_id AND e.date_start IS NOT NULL
    ON CONFLICT (actor_id, month, event_type, status, merged)
    DO UPDATE SET count = timeline_actormonthtally.count + EXCLUDED.count;
END;

CREATE TRIGGER timeline_event_places_month_del AFTER DELETE ON timeline_event_places
  WHEN NOT EXISTS (SELECT 1
  FROM timeline_event_actors o
  WHERE o.event_id = OLD.event_id AND o.actor_id = OLD.actor_id)
BEGIN
  INSERT INTO timeline_actormonthtally (actor_id, month, event_type, status, merged, count)
    SELECT OLD.actor_id, strftime('%Y-%m-01', e.date_start), e.event_type, e.status, e.merged_into_id IS NOT NULL, -1
    FROM timeline_event e
    WHERE e.id = OLD.event_id AND e.date_start IS NOT NULL
    ON CONFLICT (actor_id, month, event_type, status, merged)
    DO UPDATE SET count = timeline_actormonthtally.count + EXCLUDED.count;
END;

CREATE TRIGGER timeline_event_places_month_ins AFTER INSERT ON timeline_event_places
  WHEN NOT EXISTS (SELECT 1
  FROM timeline_event_actors o
  WHERE o.event_id = NEW.event_id AND o.actor_id = NEW.actor_id)
BEGIN
  INSERT INTO timeline_actormonthtally (actor_id, month, event_type, status, merged, count)
    SELECT NEW.actor_id, strftime('%Y-%m-01', e.date_start), e.event_type, e.status, e.merged_into_id IS NOT NULL, 1
    FROM timeline_event e
    WHERE e.id = NEW.event_id AND e.date_start IS NOT NULL
    ON CONFLICT (actor_id, month, event_type, status, merged)
    DO UPDATE SET count = timeline_actormonthtally.count + EXCLUDED.count;
END;

-- ----------------------------------------------------------------------------------------------------
-- Search: an event's search text (title, summary, its passages) and, on PostgreSQL, its lexemes

CREATE TRIGGER timeline_event_search_ins AFTER INSERT ON timeline_event
BEGIN
  UPDATE timeline_event SET search_text = COALESCE(timeline_event.title, '') || char(10) || COALESCE(timeline_event.summary, '') || char(10) || COALESCE((SELECT group_concat(p.text, char(10))
    FROM timeline_mention m JOIN timeline_passage p ON p.id = m.passage_id
    WHERE m.event_id = timeline_event.id), '')
    WHERE id = NEW.id;
END;

CREATE TRIGGER timeline_event_search_upd AFTER UPDATE ON timeline_event
BEGIN
  UPDATE timeline_event SET search_text = COALESCE(timeline_event.title, '') || char(10) || COALESCE(timeline_event.summary, '') || char(10) || COALESCE((SELECT group_concat(p.text, char(10))
    FROM timeline_mention m JOIN timeline_passage p ON p.id = m.passage_id
    WHERE m.event_id = timeline_event.id), '')
    WHERE id = NEW.id;
END;

CREATE TRIGGER timeline_mention_search_del AFTER DELETE ON timeline_mention
BEGIN
  UPDATE timeline_event SET search_text = COALESCE(timeline_event.title, '') || char(10) || COALESCE(timeline_event.summary, '') || char(10) || COALESCE((SELECT group_concat(p.text, char(10))
    FROM timeline_mention m JOIN timeline_passage p ON p.id = m.passage_id
    WHERE m.event_id = timeline_event.id), '')
    WHERE id = OLD.event_id;
END;

CREATE TRIGGER timeline_mention_search_ins AFTER INSERT ON timeline_mention
BEGIN
  UPDATE timeline_event SET search_text = COALESCE(timeline_event.title, '') || char(10) || COALESCE(timeline_event.summary, '') || char(10) || COALESCE((SELECT group_concat(p.text, char(10))
    FROM timeline_mention m JOIN timeline_passage p ON p.id = m.passage_id
    WHERE m.event_id = timeline_event.id), '')
    WHERE id = NEW.event_id;
END;

CREATE TRIGGER timeline_mention_search_upd AFTER UPDATE OF event_id, passage_id ON timeline_mention
BEGIN
  UPDATE timeline_event SET search_text = COALESCE(timeline_event.title, '') || char(10) || COALESCE(timeline_event.summary, '') || char(10) || COALESCE((SELECT group_concat(p.text, char(10))
    FROM timeline_mention m JOIN timeline_passage p ON p.id = m.passage_id
    WHERE m.event_id = timeline_event.id), '')
    WHERE id IN (OLD.event_id, NEW.event_id);
END;

CREATE TRIGGER timeline_passage_search_upd AFTER UPDATE OF text ON timeline_passage
  WHEN OLD.text IS NOT NEW.text
BEGIN
  UPDATE timeline_event SET search_text = COALESCE(timeline_event.title, '') || char(10) || COALESCE(timeline_event.summary, '') || char(10) || COALESCE((SELECT group_concat(p.text, char(10))
    FROM timeline_mention m JOIN timeline_passage p ON p.id = m.passage_id
    WHERE m.event_id = timeline_event.id), '')
    WHERE id IN (SELECT event_id
    FROM timeline_mention
    WHERE passage_id = NEW.id);
END;
