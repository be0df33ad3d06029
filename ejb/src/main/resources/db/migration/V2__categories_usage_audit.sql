-- Categories administered in SOP Desk (Qualitor codes), which SOPs each agent used last, and the
-- append-only audit trail.

CREATE TABLE category (
    code        VARCHAR(20)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    active      BOOLEAN      NOT NULL,
    updated_at  TIMESTAMP    NOT NULL,
    updated_by  VARCHAR(80)  NOT NULL
);

CREATE TABLE sop_usage (
    username     VARCHAR(80) NOT NULL,
    sop_id       VARCHAR(80) NOT NULL,
    last_used_at TIMESTAMP   NOT NULL,
    PRIMARY KEY (username, sop_id)
);

CREATE SEQUENCE audit_entry_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE audit_entry (
    id       BIGINT        NOT NULL PRIMARY KEY,
    at       TIMESTAMP     NOT NULL,
    actor    VARCHAR(80)   NOT NULL,
    action   VARCHAR(60)   NOT NULL,
    subject  VARCHAR(200)  NOT NULL,
    detail   VARCHAR(4000)
);

CREATE INDEX ix_audit_at ON audit_entry (at);

CREATE TABLE demand_action (
    id              BIGINT        NOT NULL PRIMARY KEY,
    kind            VARCHAR(12)   NOT NULL,
    demand_number   VARCHAR(20)   NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    sop_id          VARCHAR(80)   NOT NULL,
    sop_version     INTEGER       NOT NULL,
    state           VARCHAR(12)   NOT NULL,
    last_error      VARCHAR(1000),
    created_at      TIMESTAMP     NOT NULL,
    created_by      VARCHAR(80)   NOT NULL,
    done_at         TIMESTAMP
);

CREATE SEQUENCE demand_action_seq START WITH 50 INCREMENT BY 50;

INSERT INTO category (code, name, active, updated_at, updated_by) VALUES
    ('32', 'Certificado digital - perda de senha', TRUE, CURRENT_TIMESTAMP, 'seed'),
    ('33', 'Certificado digital - token em branco', TRUE, CURRENT_TIMESTAMP, 'seed'),
    ('34', 'Certificado digital - matrícula CEI', TRUE, CURRENT_TIMESTAMP, 'seed'),
    ('35', 'Mídias - senha e formatação', TRUE, CURRENT_TIMESTAMP, 'seed'),
    ('36', 'Garantia e revogação', TRUE, CURRENT_TIMESTAMP, 'seed');
