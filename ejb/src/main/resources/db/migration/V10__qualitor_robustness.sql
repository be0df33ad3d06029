-- Qualitor connector robustness (issue 4).
-- Why Qualitor refused a ticket (CUSTOMER_NOT_FOUND, CONTACT_NOT_FOUND, INVALID_DATA, OTHER) or why it
-- is held for a person (UNVERIFIABLE: a lost answer that Qualitor's answers do not let us check).
ALTER TABLE ticket ADD COLUMN refusal VARCHAR(24);
-- The related-tickets panel finds which listed demands SOP Desk opened, and their SLA clocks, by number.
CREATE INDEX ix_ticket_qualitor_number ON ticket (qualitor_number);
CREATE INDEX ix_sla_clock_demand ON sla_clock (demand_number);

-- Reiterations and restarts go through an outbox like tickets: claimed through the database, retried
-- with back-off, and after a lost answer looked for in the demand's history by their key.
ALTER TABLE demand_action ADD COLUMN action_key VARCHAR(16);
ALTER TABLE demand_action ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE demand_action ADD COLUMN next_attempt_at TIMESTAMP;
ALTER TABLE demand_action ADD COLUMN claimed_until TIMESTAMP;
ALTER TABLE demand_action ADD COLUMN outcome_unknown BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE demand_action SET next_attempt_at = created_at WHERE state = 'PENDING';
CREATE INDEX ix_demand_action_outbox ON demand_action (state, next_attempt_at);
