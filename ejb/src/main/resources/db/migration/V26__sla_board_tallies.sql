-- The supervisor's dashboard over a million open clocks (issue 24): its standings are read through
-- these indexes (at risk and breached are the few near or past their deadline), its history from
-- daily tallies, so neither pass grows with the clocks kept.
-- At risk: the at-risk alert raised (next level breach or reminder) before the deadline, or due.
CREATE INDEX ix_sla_clock_standing ON sla_clock (state, next_level, deadline_at);
CREATE INDEX ix_sla_clock_alert_level ON sla_clock (state, next_level, next_alert_at);
-- Breached and paused; what the deadline's own index served before.
CREATE INDEX ix_sla_clock_state_deadline ON sla_clock (state, deadline_at);
DROP INDEX ix_sla_clock_deadline;
-- Met, latest first.
CREATE INDEX ix_sla_clock_met ON sla_clock (met_at DESC);

-- Clocks per day in sopdesk.sla.zone: ON_TIME and BREACHED by the day of the deadline (attainment),
-- MET by the day the clock was met.
CREATE TABLE sla_tally (
    tally_day DATE      NOT NULL,
    kind   VARCHAR(10) NOT NULL,
    sop_id VARCHAR(80) NOT NULL,
    team   VARCHAR(80) NOT NULL,
    agent  VARCHAR(80) NOT NULL,
    clocks BIGINT      NOT NULL,
    CONSTRAINT pk_sla_tally PRIMARY KEY (tally_day, kind, sop_id, team, agent)
);

-- Each clock's change to the tallies, inserted by the transaction that changed the clock (no shared
-- row to update, so instances never wait on each other), folded into sla_tally by the periodic scan.
CREATE SEQUENCE sla_tally_change_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE sla_tally_change (
    id     BIGINT      NOT NULL PRIMARY KEY,
    tally_day DATE      NOT NULL,
    kind   VARCHAR(10) NOT NULL,
    sop_id VARCHAR(80) NOT NULL,
    team   VARCHAR(80) NOT NULL,
    agent  VARCHAR(80) NOT NULL,
    clocks INTEGER     NOT NULL
);

CREATE INDEX ix_sla_tally_change_day ON sla_tally_change (tally_day);

-- The zone the tallies' days are in (the board reads clocks directly while it differs from
-- sopdesk.sla.zone); the fold locks this row.
CREATE TABLE sla_tally_state (
    id        INTEGER     NOT NULL PRIMARY KEY,
    zone_id   VARCHAR(60) NOT NULL
);

INSERT INTO sla_tally_state (id, zone_id) VALUES (1, 'America/Sao_Paulo');

-- The clocks kept so far, in Brasília's time (UTC-3 all year since 2019), by the same rule as
-- SlaClock.tallies: a met clock on time or not by its deadline's day and met by its day; a running
-- clock breached once its breach alert went out for its current deadline.
INSERT INTO sla_tally (tally_day, kind, sop_id, team, agent, clocks)
SELECT d, k, sop_id, team, agent, COUNT(*) FROM (
    SELECT CAST(deadline_at - INTERVAL '3' HOUR AS DATE) AS d,
           CASE WHEN state = 'MET' AND met_at <= deadline_at THEN 'ON_TIME' ELSE 'BREACHED' END AS k,
           sop_id, COALESCE(team, '') AS team, agent
      FROM sla_clock
     WHERE state = 'MET' OR (state = 'RUNNING' AND breached_at IS NOT NULL AND breached_at >= deadline_at)
    UNION ALL
    SELECT CAST(met_at - INTERVAL '3' HOUR AS DATE), 'MET', sop_id, COALESCE(team, ''), agent
      FROM sla_clock
     WHERE state = 'MET' AND met_at IS NOT NULL
) t
GROUP BY d, k, sop_id, team, agent;
