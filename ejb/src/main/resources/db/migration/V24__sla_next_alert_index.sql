-- The SLA monitor wakes at the next alert (at risk, breach, reminder) instead of waiting for its
-- periodic scan: it reads the earliest next_alert_at after a moment, one row of this index.
CREATE INDEX ix_sla_clock_next_alert ON sla_clock (next_alert_at);
