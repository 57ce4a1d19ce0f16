-- million_claims.sql — a database of 1 000 000 claims for timing `bilan
-- conflicts` (make bench-store): 20 000 articles in 2 000 events over 14
-- days, 40 sources, twelve categories; every source gives the same growing
-- toll, and one figure in a hundred disagrees.  Run on a database that has
-- the schema (any bilan command creates it).
BEGIN;
-- the outlets and sources the rows name (the foreign keys hold, as in any
-- database bilan wrote)
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 299)
INSERT INTO outlets (key, name) SELECT 'outlet ' || i, 'Outlet ' || i FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 39)
INSERT INTO sources (key, name) SELECT 'src ' || i, 's' || i FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19999)
INSERT INTO articles (id, url, outlet, outlet_key, published, published_day, event, event_how, sha256, body, grammar, ingested_at)
SELECT i + 1, 'https://x.example/' || i, 'Outlet ' || (i % 300), 'outlet ' || (i % 300),
       date('2024-01-01', '+' || (i % 14) || ' days'), 19723 + (i % 14),
       'ev' || (i / 10), 'flag', printf('%064d', i), 'body', 'fr', '2024'
FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999999)
INSERT INTO claims (article_id, seq, span_start, span_end, text, value, lo, hi, qualifier, unit_kind,
                    category, grp, source, source_key, negated, cumulative, sentence_start, sentence_end,
                    event, event_date, event_day, date_how, voice)
SELECT a, i % 50, 0, 1, 'x', v, v, CASE WHEN q = 'at_least' THEN NULL ELSE v END, q, 'count',
       c, g, 's' || src, 'src ' || src, 0, 1, 0, 1,
       'ev' || ((a - 1) / 10), date('2024-01-01', '+' || d || ' days'), 19723 + d,
       'published', 's:src ' || src
FROM (SELECT i, a, c, q, g, src, d,
             -- a toll that grows with the days, the same for every source,
             -- and one figure in a hundred that disagrees
             (10 + length(c) * 7 + ((a - 1) / 10) % 30) * (1 + d) + CASE WHEN (i * 69069) % 100 = 0 THEN 1000 ELSE 0 END AS v
      FROM (SELECT i, 1 + (i / 50) AS a, (i / 50) % 14 AS d,
             CASE ((i * 2654435761) % 97) % 4 WHEN 0 THEN 'about' WHEN 1 THEN 'at_least' ELSE 'exact' END AS q,
             CASE WHEN i % 7 = 0 THEN 'children' ELSE NULL END AS g,
             (i / 3) % 40 AS src,
             CASE ((i * 40503) % 101) % 12 WHEN 0 THEN 'killed' WHEN 1 THEN 'injured' WHEN 2 THEN 'missing'
               WHEN 3 THEN 'arrested' WHEN 4 THEN 'displaced' WHEN 5 THEN 'evacuated' WHEN 6 THEN 'affected'
               WHEN 7 THEN 'participants' WHEN 8 THEN 'deployed' WHEN 9 THEN 'sick' WHEN 10 THEN 'hostages'
               ELSE 'other' END AS c
            FROM n));
COMMIT;
PRAGMA optimize;
