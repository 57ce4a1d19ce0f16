-- 006_covering_toll.sql — schema version 6: the toll index carries what the
-- conflict view's first pass reads of every comparable figure (bounds,
-- qualifier, negation, sub-count marks, source), so that pass reads the
-- index alone and not a table row per figure: over a million claims,
-- `bilan conflicts` 1.95 s -> 1.8 s, ingest unchanged.
DROP INDEX claims_toll;
CREATE INDEX claims_toll ON claims (event, category, grp, event_day, lo, hi, qualifier, negated,
                                    value, parent_id, of_start, source_key);
