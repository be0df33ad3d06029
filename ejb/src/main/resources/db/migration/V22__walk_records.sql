-- Issue 21, "what the SOPs achieve": one row per walk of a SOP on the guided page, written by id as
-- the walk goes (two instances share it): the SOP version and agent, the path as node ids and the
-- node reached last, and how the walk ended (state) with the ticket or demand request that came of
-- it and the ticket's category. No customer data: the ticket keeps that, under its own retention.
-- state: OPEN (walking), SOLVED, ESCALATED (a ticket saved), REITERATED, RESTARTED (a demand
-- request saved), FOLLOWED (handed to another SOP), ABANDONED (the agent started another walk first;
-- an OPEN walk older than two hours counts as abandoned too, when the figures are read).
CREATE SEQUENCE sop_walk_record_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE sop_walk_record (
    id               BIGINT        NOT NULL PRIMARY KEY,
    sop_id           VARCHAR(80)   NOT NULL,
    sop_version      INTEGER       NOT NULL,
    agent            VARCHAR(80)   NOT NULL,
    started_at       TIMESTAMP     NOT NULL,
    last_at          TIMESTAMP     NOT NULL,
    last_node        VARCHAR(80)   NOT NULL,
    path             VARCHAR(4000) NOT NULL,
    state            VARCHAR(12)   NOT NULL,
    ended_at         TIMESTAMP,
    ticket_id        BIGINT,
    demand_action_id BIGINT,
    category         VARCHAR(20)
);

-- the figures and escalation categories of every SOP in a period (and the retention job's cut-off)
CREATE INDEX ix_walk_period ON sop_walk_record (started_at, sop_id, state, category);
-- one SOP's figures, where its walks are abandoned, its escalations by category
CREATE INDEX ix_walk_sop ON sop_walk_record (sop_id, started_at, state, last_node, category);
-- an agent's open walk, abandoned when the agent starts another
CREATE INDEX ix_walk_agent_open ON sop_walk_record (agent, state);

-- The walks of each closed day (days in sopdesk.sla.zone), counted once by the walk-days job, so a
-- year's figures read a few thousand rows instead of every walk: per SOP, how the walks ended
-- (an open walk of a closed day is abandoned), the category of the escalations, the node the
-- abandoned ones stopped at. '' where a column does not apply. The last two closed days are counted
-- again at each run (a walk may still end after its day), the days after the last one counted are
-- read from sop_walk_record.
CREATE TABLE sop_walk_day (
    walk_day  DATE        NOT NULL,
    sop_id    VARCHAR(80) NOT NULL,
    state     VARCHAR(12) NOT NULL,
    category  VARCHAR(20) NOT NULL,
    last_node VARCHAR(80) NOT NULL,
    walks     BIGINT      NOT NULL,
    PRIMARY KEY (walk_day, sop_id, state, category, last_node)
);

-- the last day sop_walk_day holds (NULL: none yet)
CREATE TABLE sop_walk_rollup (
    id             INTEGER NOT NULL PRIMARY KEY,
    rolled_through DATE
);
INSERT INTO sop_walk_rollup (id, rolled_through) VALUES (1, NULL);

INSERT INTO job_lease (name, holder, held_until) VALUES ('walk-days', NULL, NULL);

-- The SLA attainment per SOP over a period (SlaBoard.attainmentBySop, on the insights page) counts
-- from this index alone: without it, H2 reads every clock of the period (a year: seconds).
CREATE INDEX ix_sla_clock_attainment ON sla_clock (deadline_at, sop_id, state, met_at);
