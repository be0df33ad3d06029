-- SLA monitor fixes: Qualitor's expected answer date kept as a time (it was text cut to 20
-- characters), and the count of reads Qualitor refused in a row (a demand it cannot find is read
-- less and less often, then no more).

ALTER TABLE sla_clock ADD COLUMN qualitor_expected TIMESTAMP;
ALTER TABLE sla_clock DROP COLUMN qualitor_expected_at;
ALTER TABLE sla_clock ADD COLUMN sync_refusals INTEGER DEFAULT 0 NOT NULL;
