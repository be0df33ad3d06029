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

-- A person looking at a clock (its row on the board, the agent's ticket page) asks for a read when
-- the last one is old: kept until a read that started after it answers it, apart from Qualitor's
-- announcements so that a look never hides an announcement's timeline line.
ALTER TABLE sla_clock ADD COLUMN read_asked_at TIMESTAMP;
