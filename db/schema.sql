-- schema.sql — the current schema (version 3), applied to a new database.
-- An older database is brought here by db/migrations/NNN_*.sql instead; the
-- test suite checks that both paths give the same tables, columns and
-- indexes.  Views live in db/views.sql.  Documentation: docs/database.md.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value ANY NOT NULL,
  doc   TEXT NOT NULL
) STRICT;

CREATE TABLE categories (
  name      TEXT PRIMARY KEY,
  compared  INTEGER NOT NULL CHECK (compared IN (0, 1)),
  same_unit INTEGER NOT NULL CHECK (same_unit IN (0, 1)),
  monotone  INTEGER NOT NULL DEFAULT 1 CHECK (monotone IN (0, 1))
) STRICT;

CREATE TABLE outlets (
  key  TEXT PRIMARY KEY,
  name TEXT NOT NULL
) STRICT;

CREATE TABLE sources (
  key  TEXT PRIMARY KEY,
  name TEXT NOT NULL
) STRICT;

CREATE TABLE articles (
  id            INTEGER PRIMARY KEY,
  url           TEXT,
  path          TEXT,
  line          INTEGER,
  doc_id        TEXT,
  title         TEXT,
  outlet        TEXT,
  outlet_key    TEXT REFERENCES outlets (key),
  published     TEXT,
  published_day INTEGER,
  event         TEXT NOT NULL,
  event_how     TEXT NOT NULL CHECK (event_how IN ('flag', 'header', 'auto')),
  sha256        TEXT NOT NULL UNIQUE,
  body          TEXT NOT NULL,
  grammar       TEXT NOT NULL,
  ingested_at   TEXT NOT NULL,
  origin_id     INTEGER REFERENCES articles (id),
  similarity    REAL
) STRICT;
CREATE INDEX articles_event ON articles (event);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_origin ON articles (origin_id) WHERE origin_id IS NOT NULL;

-- `severity` came with migration 007: ALTER TABLE writes a new column on the
-- line of the last one, so it is written there here too (the migrated and the
-- fresh schema are compared as text by test_migrations_match_schema).
-- CHECKs of a closed list are written as OR chains, not IN (...): SQLite
-- builds a temporary index for an IN list of three or more values on every
-- row written (migration 005).
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
  voice          TEXT NOT NULL, severity TEXT CHECK (severity = 'light' OR severity = 'serious'), period INTEGER NOT NULL DEFAULT 0 CHECK (period = 0 OR period = 1),
  UNIQUE (article_id, seq)
) STRICT;
-- The toll key, then what the conflict view's first pass reads of each
-- figure, so that pass reads this index alone (migration 006).
CREATE INDEX claims_toll ON claims (event, category, grp, event_day, lo, hi, qualifier, negated,
                                    value, parent_id, of_start, source_key);
CREATE INDEX claims_voice ON claims (event, category, grp, voice, event_day);
CREATE INDEX claims_parent ON claims (parent_id) WHERE parent_id IS NOT NULL;

-- An article's event is copied into its claims (the toll key is indexed on
-- claims); re-assigning an article with UPDATE keeps them in step.
CREATE TRIGGER articles_event_moves AFTER UPDATE OF event ON articles
BEGIN
  UPDATE claims SET event = NEW.event WHERE article_id = NEW.id;
END;

CREATE TABLE minhash (
  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  sig        BLOB NOT NULL
) STRICT;

CREATE TABLE wire_bands (
  band       INTEGER NOT NULL,
  hash       INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  PRIMARY KEY (band, hash, article_id)
) STRICT, WITHOUT ROWID;

-- compared: figures of the category are compared at all; same_unit: only
-- figures counting the same noun are (350 firefighters and 420 rescuers are
-- both `deployed` and do not disagree); monotone: a running total that only
-- grows, so that a later lower figure of the same source is a revision down
-- (households without power, people displaced, hostages fall as the event
-- ends: an update).
INSERT INTO categories (name, compared, same_unit, monotone) VALUES
  ('killed', 1, 0, 1), ('injured', 1, 0, 1), ('missing', 1, 0, 1), ('arrested', 1, 0, 1),
  ('hostages', 1, 0, 0), ('displaced', 1, 0, 0), ('evacuated', 1, 0, 0), ('affected', 1, 0, 0),
  ('sick', 1, 0, 1), ('participants', 1, 0, 0), ('deployed', 1, 1, 0), ('other', 0, 1, 0);

INSERT INTO settings (key, value, doc) VALUES
  ('about_tolerance', 0.10,
   'relative tolerance given to an "about" figure when intervals are compared (0.10 = ±10 %)'),
  ('window_days', 0,
   'two figures from different sources conflict only if their dates are at most this many days apart'),
  ('revision_window_days', 30,
   'a later lower figure of the same source counts as revised_down within this many days'),
  ('require_source', 1,
   '1: only figures attributed to a named source are compared (an unattributed figure has no known independence)'),
  ('wire_similarity', 0.6,
   'estimated Jaccard similarity of word 4-shingles above which an article is a copy of an earlier one');
