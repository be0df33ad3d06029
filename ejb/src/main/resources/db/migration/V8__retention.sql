-- Retention of personal data (LGPD): when the customer's data of a finished ticket or demand request
-- was removed, and a lease row so one instance at a time runs the retention job.
ALTER TABLE ticket ADD COLUMN anonymized_at TIMESTAMP;
CREATE INDEX ix_ticket_retention ON ticket (anonymized_at, created_at);

ALTER TABLE demand_action ADD COLUMN anonymized_at TIMESTAMP;

CREATE TABLE job_lease (
    name       VARCHAR(40) NOT NULL PRIMARY KEY,
    holder     VARCHAR(80),
    held_until TIMESTAMP
);

INSERT INTO job_lease (name, holder, held_until) VALUES ('retention', NULL, NULL);
