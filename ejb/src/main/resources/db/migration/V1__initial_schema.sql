-- SOP Desk schema, version 1. Portable SQL for the embedded H2 (2.x) and PostgreSQL (15+).
-- Timestamps are UTC. Identifiers come from sequences handing out blocks of 50 (EclipseLink takes
-- the value it reads as the last id of its block, so the sequences start at 50).

CREATE TABLE user_account (
    username        VARCHAR(80)  NOT NULL PRIMARY KEY,
    display_name    VARCHAR(200) NOT NULL,
    password_hash   VARCHAR(400) NOT NULL,
    active          BOOLEAN      NOT NULL,
    created_at      TIMESTAMP    NOT NULL
);

CREATE TABLE user_role (
    username VARCHAR(80) NOT NULL REFERENCES user_account (username),
    role     VARCHAR(20) NOT NULL,
    PRIMARY KEY (username, role)
);

CREATE SEQUENCE sop_bundle_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE sop_bundle (
    id           BIGINT       NOT NULL PRIMARY KEY,
    sop_id       VARCHAR(80)  NOT NULL,
    version      INTEGER      NOT NULL,
    seed         VARCHAR(10),
    content      TEXT         NOT NULL,
    published_at TIMESTAMP    NOT NULL,
    published_by VARCHAR(80)  NOT NULL,
    CONSTRAINT uk_sop_bundle_version UNIQUE (sop_id, version)
);

CREATE SEQUENCE ticket_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE ticket (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    version            BIGINT        NOT NULL,
    submission_key     VARCHAR(36)   NOT NULL,
    sop_id             VARCHAR(80)   NOT NULL,
    sop_version        INTEGER       NOT NULL,
    title              VARCHAR(200)  NOT NULL,
    decisions          VARCHAR(2000),
    customer_document  VARCHAR(14)   NOT NULL,
    customer_name      VARCHAR(200)  NOT NULL,
    description        VARCHAR(4000) NOT NULL,
    phone1             VARCHAR(20)   NOT NULL,
    phone2             VARCHAR(20)   NOT NULL,
    email              VARCHAR(200)  NOT NULL,
    class_ticket_type  VARCHAR(20),
    class_category     VARCHAR(20),
    class_location     VARCHAR(20),
    class_severity     VARCHAR(20),
    return_hours       INTEGER       NOT NULL,
    state              VARCHAR(12)   NOT NULL,
    attempts           INTEGER       NOT NULL,
    next_attempt_at    TIMESTAMP     NOT NULL,
    claimed_by         VARCHAR(80),
    claimed_until      TIMESTAMP,
    last_error         VARCHAR(1000),
    qualitor_number    VARCHAR(20),
    qualitor_situation VARCHAR(100),
    created_at         TIMESTAMP     NOT NULL,
    created_by         VARCHAR(80)   NOT NULL,
    sent_at            TIMESTAMP,
    CONSTRAINT uk_ticket_submission_key UNIQUE (submission_key)
);

CREATE INDEX ix_ticket_outbox ON ticket (state, next_attempt_at);
CREATE INDEX ix_ticket_customer ON ticket (customer_document);

CREATE TABLE ticket_answer (
    ticket_id BIGINT       NOT NULL REFERENCES ticket (id),
    question  VARCHAR(80)  NOT NULL,
    answer    VARCHAR(200),
    PRIMARY KEY (ticket_id, question)
);
