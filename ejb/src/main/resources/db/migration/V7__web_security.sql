-- Web security (issue 7): failed sign-ins for the login throttle, shared by every instance through
-- the database, and indexes for searching the audit trail.

CREATE TABLE login_failure (
    id          BIGINT       NOT NULL PRIMARY KEY,
    subject_key VARCHAR(200) NOT NULL,
    at          TIMESTAMP    NOT NULL
);

CREATE SEQUENCE login_failure_seq START WITH 50 INCREMENT BY 50;

CREATE INDEX ix_login_failure_key_at ON login_failure (subject_key, at);
CREATE INDEX ix_login_failure_at ON login_failure (at);

CREATE INDEX ix_audit_actor_at ON audit_entry (actor, at);
CREATE INDEX ix_audit_action_at ON audit_entry (action, at);
