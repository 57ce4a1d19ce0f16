-- 007_severity.sql — schema version 7: claims.severity, how badly the
-- injured are hurt ('light', 'serious', NULL when the text does not say),
-- read from the claim's subject (grammars/fr/severity.tsv).  The views
-- compare figures of one severity only.  Claims stored before keep NULL.
ALTER TABLE claims ADD COLUMN severity TEXT CHECK (severity = 'light' OR severity = 'serious');
