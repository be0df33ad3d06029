-- SLA monitor: policies, one clock per escalated demand, its timeline, the alert ledger (exactly
-- once per demand, policy, level and deadline version) and the deliveries of each alert.

CREATE TABLE sla_policy (
    code             VARCHAR(40)  NOT NULL PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    duration_minutes INTEGER      NOT NULL,
    business_hours   BOOLEAN      NOT NULL,
    work_start       VARCHAR(5)   NOT NULL,
    work_end         VARCHAR(5)   NOT NULL,
    pause_situations VARCHAR(400),
    at_risk_percent  INTEGER      NOT NULL,
    reminder_minutes INTEGER      NOT NULL,
    updated_at       TIMESTAMP    NOT NULL,
    updated_by       VARCHAR(80)  NOT NULL
);

INSERT INTO sla_policy VALUES ('RETORNO-24H', 'Retorno ao cliente em 24 horas corridas', 1440, FALSE, '08:00', '18:00',
    NULL, 75, 240, CURRENT_TIMESTAMP, 'sistema');
INSERT INTO sla_policy VALUES ('RETORNO-24H-UTEIS', 'Retorno em 24 horas úteis (seg. a sex., 8h–18h, sem feriados), pausa aguardando cliente',
    1440, TRUE, '08:00', '18:00', 'Aguardando cliente', 75, 240, CURRENT_TIMESTAMP, 'sistema');

-- which policy a SOP's escalations follow (without a row: sopdesk.sla.default-policy)
CREATE TABLE sla_policy_sop (
    sop_id      VARCHAR(80) NOT NULL PRIMARY KEY,
    policy_code VARCHAR(40) NOT NULL REFERENCES sla_policy (code)
);

-- the team each agent belongs to, for the supervisors' filters
CREATE TABLE agent_team (
    username VARCHAR(80) NOT NULL PRIMARY KEY,
    team     VARCHAR(80) NOT NULL
);

-- who receives alerts by e-mail, and their quiet hours (non-breach alerts wait until they end)
CREATE TABLE sla_subscriber (
    username    VARCHAR(80)  NOT NULL PRIMARY KEY,
    email       VARCHAR(200) NOT NULL,
    quiet_from  VARCHAR(5),
    quiet_until VARCHAR(5),
    active      BOOLEAN      NOT NULL
);

CREATE SEQUENCE sla_clock_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE sla_clock (
    id                   BIGINT       NOT NULL PRIMARY KEY,
    version              BIGINT       NOT NULL,
    ticket_id            BIGINT       NOT NULL REFERENCES ticket (id),
    demand_number        VARCHAR(20)  NOT NULL,
    sop_id               VARCHAR(80)  NOT NULL,
    title                VARCHAR(200) NOT NULL,
    customer_name        VARCHAR(200) NOT NULL,
    agent                VARCHAR(80)  NOT NULL,
    team                 VARCHAR(80),
    policy_code          VARCHAR(40)  NOT NULL,
    duration_minutes     INTEGER      NOT NULL,
    business_hours       BOOLEAN      NOT NULL,
    work_start           VARCHAR(5)   NOT NULL,
    work_end             VARCHAR(5)   NOT NULL,
    pause_situations     VARCHAR(400),
    at_risk_percent      INTEGER      NOT NULL,
    reminder_minutes     INTEGER      NOT NULL,
    state                VARCHAR(10)  NOT NULL,
    started_at           TIMESTAMP    NOT NULL,
    deadline_at          TIMESTAMP    NOT NULL,
    deadline_version     INTEGER      NOT NULL,
    paused_at            TIMESTAMP,
    remaining_seconds    BIGINT,
    met_at               TIMESTAMP,
    breached_at          TIMESTAMP,
    next_level           VARCHAR(20),
    next_alert_at        TIMESTAMP,
    reminders_sent       INTEGER      NOT NULL,
    next_sync_at         TIMESTAMP,
    last_synced_at       TIMESTAMP,
    qualitor_situation   VARCHAR(100),
    qualitor_expected_at VARCHAR(20),
    due_at               TIMESTAMP,
    claim_token          VARCHAR(40),
    claimed_until        TIMESTAMP,
    CONSTRAINT uk_sla_clock_ticket UNIQUE (ticket_id)
);

-- the scan reads only what is due: its cost follows the due clocks, not all open ones
CREATE INDEX ix_sla_clock_due ON sla_clock (due_at);
CREATE INDEX ix_sla_clock_deadline ON sla_clock (deadline_at);
CREATE INDEX ix_sla_clock_claim ON sla_clock (claim_token);

CREATE SEQUENCE sla_event_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE sla_event (
    id       BIGINT        NOT NULL PRIMARY KEY,
    clock_id BIGINT        NOT NULL REFERENCES sla_clock (id),
    at       TIMESTAMP     NOT NULL,
    kind     VARCHAR(20)   NOT NULL,
    detail   VARCHAR(1000)
);

CREATE INDEX ix_sla_event_clock ON sla_event (clock_id, at);

CREATE SEQUENCE sla_alert_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE sla_alert (
    id               BIGINT        NOT NULL PRIMARY KEY,
    clock_id         BIGINT        NOT NULL REFERENCES sla_clock (id),
    demand_number    VARCHAR(20)   NOT NULL,
    policy_code      VARCHAR(40)   NOT NULL,
    level            VARCHAR(20)   NOT NULL,
    deadline_version INTEGER       NOT NULL,
    deadline_at      TIMESTAMP     NOT NULL,
    raised_at        TIMESTAMP     NOT NULL,
    raised_by        VARCHAR(120)  NOT NULL,
    explanation      VARCHAR(4000) NOT NULL,
    acknowledged_at  TIMESTAMP,
    acknowledged_by  VARCHAR(80),
    ack_comment      VARCHAR(1000),
    CONSTRAINT uk_sla_alert_once UNIQUE (demand_number, policy_code, level, deadline_version)
);

CREATE INDEX ix_sla_alert_raised ON sla_alert (raised_at);

CREATE SEQUENCE sla_delivery_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE sla_delivery (
    id            BIGINT        NOT NULL PRIMARY KEY,
    alert_id      BIGINT        NOT NULL REFERENCES sla_alert (id),
    channel       VARCHAR(10)   NOT NULL,
    recipient     VARCHAR(400)  NOT NULL,
    state         VARCHAR(10)   NOT NULL,
    not_before    TIMESTAMP     NOT NULL,
    attempts      INTEGER       NOT NULL,
    claimed_until TIMESTAMP,
    last_error    VARCHAR(1000),
    sent_at       TIMESTAMP,
    CONSTRAINT uk_sla_delivery UNIQUE (alert_id, channel, recipient)
);

CREATE INDEX ix_sla_delivery_due ON sla_delivery (state, not_before);
