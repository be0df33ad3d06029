-- Whether an earlier attempt may have created the ticket in Qualitor without an answer arriving
-- (timeout, cut connection, garbage answer on the write): only then does a retry look for it first.
ALTER TABLE ticket ADD COLUMN outcome_unknown BOOLEAN DEFAULT FALSE NOT NULL;
