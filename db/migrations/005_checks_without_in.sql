-- 005_checks_without_in.sql — schema version 5: the claims table is rebuilt
-- with its closed-list CHECKs written as OR chains.  SQLite evaluates a
-- CHECK (x IN ('a', 'b', 'c')) by filling a temporary index with the list on
-- every row written: three of them cost more than half of the writer's work
-- in `bilan ingest`.  The constraints mean exactly what they meant.
--
-- The table is rebuilt (SQLite cannot change a CHECK in place): the old one
-- is renamed first, so that its self-reference (parent_id) follows it and
-- dropping it cascades nowhere; the views (db/views.sql creates them again
-- after a migration) and the trigger that name claims are dropped first and
-- the trigger is created again.  Rows keep their ids.  (articles.event_how
-- keeps its IN list: rebuilding articles would cascade into every table that
-- refers to it, for one check per article.)

DROP VIEW IF EXISTS conflicts;
DROP VIEW IF EXISTS conflict_pairs;
DROP VIEW IF EXISTS tolls;
DROP VIEW IF EXISTS wire_copies;
DROP TRIGGER IF EXISTS articles_event_moves;
ALTER TABLE claims RENAME TO claims_v4;
-- Both tables refer to themselves: each needs an index on parent_id, or every
-- row copied in, and every row dropped, makes SQLite scan the table for its
-- children.  The old indexes go (their names are taken again below).
CREATE INDEX claims_v4_parent ON claims_v4 (parent_id) WHERE parent_id IS NOT NULL;
DROP INDEX claims_toll;
DROP INDEX claims_voice;
DROP INDEX claims_parent;

CREATE TABLE claims (
  id             INTEGER PRIMARY KEY,
  article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  seq            INTEGER NOT NULL,
  span_start     INTEGER NOT NULL,
  span_end       INTEGER NOT NULL,
  text           TEXT NOT NULL,
  value          REAL,
  lo             REAL,
  hi             REAL,
  qualifier      TEXT NOT NULL,
  hedge          TEXT,
  unit           TEXT,
  unit_key       TEXT,
  unit_kind      TEXT NOT NULL CHECK (unit_kind = 'count' OR unit_kind = 'percent' OR unit_kind = 'money'),
  category       TEXT NOT NULL,
  grp            TEXT,
  subject        TEXT,
  source         TEXT,
  source_key     TEXT REFERENCES sources (key),
  channel        TEXT,
  channel_key    TEXT REFERENCES sources (key),
  negated        INTEGER NOT NULL CHECK (negated IN (0, 1)),
  of_start       INTEGER,
  parent_id      INTEGER REFERENCES claims (id) ON DELETE CASCADE,
  cumulative     INTEGER CHECK (cumulative IN (0, 1)),
  status         TEXT CHECK (status = 'provisional' OR status = 'final' OR status = 'revised'),
  sentence_start INTEGER NOT NULL,
  sentence_end   INTEGER NOT NULL,
  event          TEXT NOT NULL,
  event_date     TEXT,
  event_day      INTEGER,
  date_how       TEXT NOT NULL CHECK (date_how = 'sentence' OR date_how = 'published' OR date_how = 'none'),
  voice          TEXT NOT NULL,
  UNIQUE (article_id, seq)
) STRICT;
CREATE INDEX claims_parent ON claims (parent_id) WHERE parent_id IS NOT NULL;
INSERT INTO claims SELECT * FROM claims_v4;
DROP TABLE claims_v4;
CREATE INDEX claims_toll ON claims (event, category, grp, event_day);
CREATE INDEX claims_voice ON claims (event, category, grp, voice, event_day);

-- An article's event is copied into its claims (the toll key is indexed on
-- claims); re-assigning an article with UPDATE keeps them in step.
CREATE TRIGGER articles_event_moves AFTER UPDATE OF event ON articles
BEGIN
  UPDATE claims SET event = NEW.event WHERE article_id = NEW.id;
END;
