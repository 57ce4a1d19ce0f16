-- 008_period.sql — schema version 8: claims.period, 1 for a toll over a
-- calendar period that holds more than the event ("Depuis le début de
-- l'année, plus de 1 100 personnes sont mortes en tentant la traversée":
-- the year's toll of many crossings, not the shipwreck's), read from the
-- sentence (grammars/fr/status.tsv, kind period).  The views compare tolls
-- of a period only with tolls of a period.  Claims stored before keep 0.
ALTER TABLE claims ADD COLUMN period INTEGER NOT NULL DEFAULT 0 CHECK (period = 0 OR period = 1);
