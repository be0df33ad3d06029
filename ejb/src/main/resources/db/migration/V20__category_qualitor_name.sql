-- Issue 21: beside each category code, the name Qualitor gives it. No public Qualitor operation
-- lists categories, so the name is learnt from the setup check's reference demands (their
-- classification, read back) and kept with when it was last read; null: not confirmed yet.
ALTER TABLE category ADD COLUMN qualitor_name VARCHAR(200);
ALTER TABLE category ADD COLUMN qualitor_name_at TIMESTAMP;
