-- views.sql — the comparison views (SPEC §8).  Dropped and created again on
-- open whenever this file changes, so they always match the binary.
-- Documentation: docs/database.md.

DROP VIEW IF EXISTS conflicts;
DROP VIEW IF EXISTS conflict_pairs;
DROP VIEW IF EXISTS tolls;
DROP VIEW IF EXISTS wire_copies;

-- Every figure of a toll key (event, category, group) by date, outlet and
-- source, in time order, with the latest and the highest headline figure of
-- the key.  A headline figure is a running total or a figure of unknown kind:
-- not a sub-count, not a zero claim or denial, not a delta, not a count of
-- the lightly or the badly injured only, not a toll of a calendar period
-- beyond the event (claims.period: "depuis le début de l'année").
CREATE VIEW tolls AS
WITH t AS (
  SELECT c.*, a.outlet, coalesce(a.url, a.path) AS article, a.published,
         (c.parent_id IS NULL AND c.of_start IS NULL AND c.negated = 0
          AND c.cumulative IS NOT 0 AND c.severity IS NULL AND c.period = 0) AS headline
  FROM claims c JOIN articles a ON a.id = c.article_id
  WHERE c.category IN (SELECT name FROM categories WHERE compared = 1)
)
SELECT event, category, grp, event_date, published, outlet, source, text, value, lo, hi,
       qualifier, status, cumulative, negated,
       (parent_id IS NOT NULL OR of_start IS NOT NULL) AS sub_count, headline,
       first_value(CASE WHEN headline THEN coalesce(value, lo, hi) END)
         OVER (PARTITION BY event, category, grp
               ORDER BY headline DESC, event_day DESC, id DESC) AS latest,
       max(CASE WHEN headline THEN coalesce(value, hi, lo) END)
         OVER (PARTITION BY event, category, grp) AS highest,
       article, id AS claim_id
FROM t
ORDER BY event, category, grp, event_day, id;

-- Pairs of comparable figures on one toll key and what the comparison makes
-- of them.  `first_id` is the earlier claim: by date; on one date the one
-- worded as a revision, or in one sentence the one written later, is later;
-- else the one stored first.
--   conflict      independent voices (different source, not two copies of one
--                 dispatch), dates at most window_days apart, neither a delta
--                 nor a partial count, and intervals that cannot both hold
--                 (an "about" figure widened by about_tolerance); or a denial
--                 of the very figure another voice states.
-- Compared: figures of a category with categories.compared = 1, attributed
-- to a named source (unless settings.require_source = 0), not sub-counts,
-- not zero claims, with a date; for categories with same_unit = 1 only
-- figures counting the same noun; injured of one severity (claims.severity)
-- only with injured of the same severity; a toll of a calendar period
-- beyond the event (claims.period) only with another such toll.
--   revised_down  the same voice key, a later figure entirely below the earlier,
--                 both running totals (or of unknown kind) of a category with
--                 categories.monotone = 1, within revision_window_days.
CREATE VIEW conflict_pairs AS
WITH s AS MATERIALIZED (
  SELECT (SELECT value FROM settings WHERE key = 'about_tolerance') AS tol,
         (SELECT value FROM settings WHERE key = 'window_days') AS win,
         (SELECT value FROM settings WHERE key = 'revision_window_days') AS rwin,
         coalesce((SELECT value FROM settings WHERE key = 'require_source'), 1) AS needs_source
),
cmp AS NOT MATERIALIZED (
  SELECT c.id, c.article_id, c.event, c.category, c.grp, c.unit_kind, c.event_day,
         c.voice, c.cumulative, c.status, c.negated, c.value, c.qualifier,
         c.sentence_start, c.span_start, c.unit_key, c.severity, c.period,
         CASE WHEN c.qualifier = 'about' THEN c.lo * (1 - (SELECT tol FROM s)) ELSE c.lo END AS lo_e,
         CASE WHEN c.qualifier = 'about' THEN c.hi * (1 + (SELECT tol FROM s)) ELSE c.hi END AS hi_e
  FROM claims c
  -- categories.compared is checked once per key-day (gd, dd) or per earlier
  -- figure (pr), not here: an IN probe on every joined row was a third of
  -- the view's time
  WHERE c.parent_id IS NULL AND c.of_start IS NULL
    AND (c.source_key IS NOT NULL OR (SELECT needs_source FROM s) = 0)
    AND c.event_day IS NOT NULL
    AND NOT (c.negated = 1 AND coalesce(c.value, 0) = 0)
    AND (c.lo IS NOT NULL OR c.hi IS NOT NULL)
),
-- Key-days whose figures cannot all hold, or where a denial stands: with
-- window_days = 0 only there can two figures conflict, and most key-days
-- agree, so the pairs below are looked for there only.
gd AS (
  SELECT event, category, grp, event_day FROM cmp
  GROUP BY event, category, grp, event_day
  HAVING count(*) > 1 AND (max(lo_e) > min(hi_e) OR max(negated) = 1)
     AND category IN (SELECT name FROM categories WHERE compared = 1)
),
-- The days where pairs are looked for: those key-days, or every key-day when
-- the window spans several days.
dd AS (
  SELECT event, category, grp, event_day FROM gd WHERE (SELECT win FROM s) = 0
  UNION ALL
  SELECT DISTINCT event, category, grp, event_day FROM cmp
  WHERE (SELECT win FROM s) <> 0 AND category IN (SELECT name FROM categories WHERE compared = 1)
),
-- Different voices on one day (or window_days): the conflict candidates.
pc AS (
  SELECT a.id AS a_id, b.id AS b_id, a.event, a.category, a.grp,
         a.article_id AS a_art, b.article_id AS b_art
  -- CROSS JOIN keeps this order: from the few key-days to their figures (the
  -- planner otherwise starts from b and reads every day of a key)
  FROM dd CROSS JOIN cmp a ON a.event = dd.event AND a.category = dd.category AND a.grp IS dd.grp
                     AND a.event_day = dd.event_day
  CROSS JOIN cmp b
    ON b.event = a.event AND b.category = a.category AND b.grp IS a.grp
   AND b.event_day BETWEEN a.event_day AND a.event_day + (SELECT win FROM s)
   AND (b.event_day > a.event_day OR b.id > a.id)
  WHERE (
      -- no overlap once "about" got its tolerance (NULL bound = unbounded)
      (a.negated = 0 AND b.negated = 0
       AND ((a.hi_e IS NOT NULL AND b.lo_e IS NOT NULL AND b.lo_e > a.hi_e)
            OR (b.hi_e IS NOT NULL AND a.lo_e IS NOT NULL AND a.lo_e > b.hi_e)))
      -- a denial (negated, non-zero) of the figure the other side states
      OR ((a.negated = 1) <> (b.negated = 1)
          AND a.value IS NOT NULL AND b.value IS NOT NULL
          AND abs(a.value - b.value)
              <= (SELECT tol FROM s) * max(a.value, b.value)
                 * (a.qualifier = 'about' OR b.qualifier = 'about')))
    AND a.voice <> b.voice
    -- one voice: one key the start of the other ("ministere interieur" and
    -- "ministere interieur ostrelie")
    AND substr(b.voice, 1, length(a.voice) + 1) <> a.voice || ' '
    AND substr(a.voice, 1, length(b.voice) + 1) <> b.voice || ' '
    AND b.unit_kind = a.unit_kind
    -- "20 blessés légers" and "2 blessés graves" are not one toll
    AND a.severity IS b.severity
    -- "depuis le début de l'année": the year's toll, not the event's
    AND a.period = b.period
    -- a delta or a partial count ("en une heure", "restaient hospitalisés")
    -- measures its own window: not against a running total, nor against
    -- another window that is not known to be the same
    AND a.cumulative IS NOT 0 AND b.cumulative IS NOT 0
    AND (a.unit_key IS b.unit_key
         OR a.category NOT IN (SELECT name FROM categories WHERE same_unit = 1))
),
-- One voice over revision_window_days: the revision candidates.
pr AS (
  SELECT a.id AS a_id, b.id AS b_id, a.event, a.category, a.grp,
         CASE
           WHEN b.event_day > a.event_day THEN 1
           WHEN b.status IS 'revised' AND a.status IS NOT 'revised' THEN 1
           WHEN a.status IS 'revised' AND b.status IS NOT 'revised' THEN -1
           -- one sentence, one date: text order ("passant de 94 à 88")
           WHEN a.article_id = b.article_id AND a.sentence_start = b.sentence_start
             THEN CASE WHEN b.span_start > a.span_start THEN 1 ELSE -1 END
           ELSE 0
         END AS later,
         b.hi_e < a.lo_e AS b_below, a.hi_e < b.lo_e AS a_below
  FROM cmp a JOIN cmp b
    ON b.event = a.event AND b.category = a.category AND b.grp IS a.grp AND b.voice = a.voice
   AND b.event_day BETWEEN a.event_day AND a.event_day + (SELECT rwin FROM s)
   AND (b.event_day > a.event_day OR b.id > a.id)
  WHERE a.negated = 0 AND b.negated = 0
    AND a.category IN (SELECT name FROM categories WHERE compared = 1 AND monotone = 1)
    AND a.cumulative IS NOT 0 AND b.cumulative IS NOT 0
    AND b.unit_kind = a.unit_kind
    AND a.severity IS b.severity
    AND a.period = b.period
    AND (a.unit_key IS b.unit_key
         OR a.category NOT IN (SELECT name FROM categories WHERE same_unit = 1))
)
SELECT 'conflict' AS kind, event, category, grp, a_id AS first_id, b_id AS second_id
FROM pc
-- copies of one dispatch are one report
WHERE a_art = b_art
   OR (SELECT coalesce(origin_id, id) FROM articles WHERE id = a_art)
      <> (SELECT coalesce(origin_id, id) FROM articles WHERE id = b_art)
UNION ALL
SELECT 'revised_down', event, category, grp,
       CASE WHEN later = 1 THEN a_id ELSE b_id END,
       CASE WHEN later = 1 THEN b_id ELSE a_id END
FROM pr
WHERE (later = 1 AND b_below) OR (later = -1 AND a_below);

-- One row per disagreement: the same two figures from the same two voices
-- (a voice and its longer names are one) reported again (other articles,
-- reprints) count in `reports` and show the first pair stored.
CREATE VIEW conflicts AS
WITH pairs AS MATERIALIZED (
  SELECT p.kind, p.event, p.category, p.grp, p.first_id, p.second_id,
         x.voice AS xv, y.voice AS yv,
         '|' || coalesce(x.lo, '') || '|' || coalesce(x.hi, '') AS xf,
         '|' || coalesce(y.lo, '') || '|' || coalesce(y.hi, '') AS yf
  FROM conflict_pairs p
  JOIN claims x ON x.id = p.first_id
  JOIN claims y ON y.id = p.second_id
),
voices AS MATERIALIZED (
  SELECT event, xv AS v FROM pairs UNION SELECT event, yv FROM pairs
),
-- The root of a voice: the shortest voice of the event's disagreements that
-- is its first words ("syndicat debardeurs" for "syndicat debardeurs
-- section locale 2291"), so that one disagreement told with a longer name is
-- still one row.
roots AS MATERIALIZED (
  SELECT o.event, o.v,
         (SELECT min(w.v) FROM voices w
          WHERE w.event = o.event
            AND (w.v = o.v OR substr(o.v, 1, length(w.v) + 1) = w.v || ' ')) AS root
  FROM voices o
),
g AS (
  SELECT p.kind, p.event, p.category, p.grp, p.first_id, p.second_id,
         min(p.first_id * 4294967296 + p.second_id) AS pair_rank, count(*) AS reports
  FROM pairs p
  JOIN roots rx ON rx.event = p.event AND rx.v = p.xv
  JOIN roots ry ON ry.event = p.event AND ry.v = p.yv
  GROUP BY p.kind, p.event, p.category, p.grp,
           CASE WHEN p.kind = 'conflict' THEN min(rx.root || p.xf, ry.root || p.yf)
                ELSE rx.root || p.xf END,
           CASE WHEN p.kind = 'conflict' THEN max(rx.root || p.xf, ry.root || p.yf)
                ELSE ry.root || p.yf END
)
SELECT g.kind, g.event, g.category, g.grp,
       coalesce(aa.url, aa.path) AS a_article, aa.outlet AS a_outlet, a.event_date AS a_date,
       a.text AS a_text, a.value AS a_value, a.lo AS a_lo, a.hi AS a_hi,
       a.qualifier AS a_qualifier, a.source AS a_source,
       coalesce(ba.url, ba.path) AS b_article, ba.outlet AS b_outlet, b.event_date AS b_date,
       b.text AS b_text, b.value AS b_value, b.lo AS b_lo, b.hi AS b_hi,
       b.qualifier AS b_qualifier, b.source AS b_source,
       g.reports, a.id AS a_claim, b.id AS b_claim
FROM g
JOIN claims a ON a.id = g.first_id
JOIN articles aa ON aa.id = a.article_id
JOIN claims b ON b.id = g.second_id
JOIN articles ba ON ba.id = b.article_id
ORDER BY g.event, g.category, g.grp, a.event_day, a.id, b.id;

-- Articles recorded as copies of an earlier one (same dispatch or same URL).
CREATE VIEW wire_copies AS
SELECT c.id AS article_id, c.outlet, coalesce(c.url, c.path) AS article, c.published,
       o.id AS origin_id, o.outlet AS origin_outlet, coalesce(o.url, o.path) AS origin,
       c.similarity
FROM articles c JOIN articles o ON o.id = c.origin_id
ORDER BY o.id, c.id;
