-- 004_monotone.sql — schema version 4: categories.monotone.  A later lower
-- figure of the same source is a revision down only for a running total that
-- can only grow (the dead, the injured, the missing, arrests, the sick); the
-- households without power or the people displaced fall as the event ends.
ALTER TABLE categories ADD COLUMN monotone INTEGER NOT NULL DEFAULT 1 CHECK (monotone IN (0, 1));
UPDATE categories SET monotone = 0
 WHERE name IN ('hostages', 'displaced', 'evacuated', 'affected', 'participants', 'deployed', 'other');
