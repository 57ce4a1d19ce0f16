-- 002_wire.sql — schema version 2: wire copies.  The same dispatch
-- republished by several outlets is one origin: articles get origin_id (the
-- first article of the dispatch; NULL for an original) and the estimated
-- similarity; MinHash signatures and their LSH bands find the candidates.

ALTER TABLE articles ADD COLUMN origin_id INTEGER REFERENCES articles (id);
ALTER TABLE articles ADD COLUMN similarity REAL;
CREATE INDEX articles_origin ON articles (origin_id) WHERE origin_id IS NOT NULL;

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
CREATE INDEX wire_bands_article ON wire_bands (article_id);

INSERT INTO settings (key, value, doc) VALUES
  ('wire_similarity', 0.6,
   'estimated Jaccard similarity of word 4-shingles above which an article is a copy of an earlier one');
