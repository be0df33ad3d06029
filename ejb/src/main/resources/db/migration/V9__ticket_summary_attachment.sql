-- The plain-text summary of the SOP walk, attached to the Qualitor ticket once it has its number
-- (addAttachment). Claimed through the database like the ticket itself; retried with back-off; when
-- an attempt's answer was lost, the retry looks for the file before attaching it again.
-- summary_state is NULL for tickets stored before this version (nothing to attach).
ALTER TABLE ticket ADD COLUMN summary_state VARCHAR(12);
ALTER TABLE ticket ADD COLUMN summary_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE ticket ADD COLUMN summary_next_at TIMESTAMP;
ALTER TABLE ticket ADD COLUMN summary_claimed_until TIMESTAMP;
ALTER TABLE ticket ADD COLUMN summary_outcome_unknown BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE ticket ADD COLUMN summary_error VARCHAR(1000);
CREATE INDEX ix_ticket_summary ON ticket (summary_state, summary_next_at);
