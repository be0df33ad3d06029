-- Issue 17: one delivery mechanism (the outbox) for tickets, their walk summaries, requests on
-- demands and SLA alert deliveries: the same state words in every table, and the claim's holder on each.
UPDATE ticket SET state = 'DONE' WHERE state = 'SENT';
UPDATE ticket SET state = 'REFUSED' WHERE state = 'REJECTED';
UPDATE ticket SET summary_state = 'QUEUED' WHERE summary_state = 'PENDING';
UPDATE ticket SET summary_state = 'DONE' WHERE summary_state = 'ATTACHED';
-- a refused summary whose earlier attempt's answer was lost cannot be checked: held for a person
UPDATE ticket SET summary_state = 'HELD' WHERE summary_state = 'REFUSED' AND summary_outcome_unknown = TRUE;
ALTER TABLE ticket ADD COLUMN summary_claimed_by VARCHAR(80);

UPDATE demand_action SET state = 'QUEUED' WHERE state = 'PENDING';
UPDATE demand_action SET state = 'REFUSED' WHERE state = 'FAILED';
ALTER TABLE demand_action ADD COLUMN claimed_by VARCHAR(80);

UPDATE sla_delivery SET state = 'QUEUED' WHERE state = 'PENDING';
UPDATE sla_delivery SET state = 'DONE' WHERE state = 'SENT';
UPDATE sla_delivery SET state = 'REFUSED' WHERE state = 'FAILED';
UPDATE sla_delivery SET state = 'HELD' WHERE state = 'UNCERTAIN';
ALTER TABLE sla_delivery ADD COLUMN claimed_by VARCHAR(80);
ALTER TABLE sla_delivery ADD COLUMN outcome_unknown BOOLEAN DEFAULT FALSE NOT NULL;
