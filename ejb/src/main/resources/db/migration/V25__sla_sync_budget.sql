-- The group's budget of Qualitor calls for SLA reads (sopdesk.sla.sync.calls-per-second): one row,
-- a token bucket every instance takes from under a row lock. It is full at its first use (no
-- counted_at yet) and fills at the configured rate; breach reads may drive it negative (a debt the
-- other reads then wait out).
CREATE TABLE sla_sync_budget (
    id BIGINT NOT NULL PRIMARY KEY,
    tokens DOUBLE PRECISION NOT NULL,
    counted_at TIMESTAMP,
    calls_taken BIGINT NOT NULL,
    reads_denied BIGINT NOT NULL
);
INSERT INTO sla_sync_budget (id, tokens, counted_at, calls_taken, reads_denied) VALUES (1, 0, NULL, 0, 0);
