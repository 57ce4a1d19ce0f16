-- 003_lighter_writes.sql — schema version 3: fewer indexes to maintain on
-- every claim and article written.  claims_source served no view (a query by
-- source scans claims, or create the index again); wire_bands_article only
-- sped up deleting an article, which is rare (the cascade then scans the
-- bands).
DROP INDEX IF EXISTS claims_source;
DROP INDEX IF EXISTS wire_bands_article;
