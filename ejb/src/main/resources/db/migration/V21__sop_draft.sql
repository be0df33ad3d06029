-- Issue 21: drafts of the on-screen SOP editor. Several administrators may keep drafts (of a new SOP
-- or of the next version of a published one); saving a draft someone else saved since it was opened
-- is refused (row_version, JPA optimistic locking), never a silent overwrite, on any instance.
-- Publishing a draft stores the next version in sop_bundle and deletes the draft.
CREATE SEQUENCE sop_draft_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE sop_draft (
    id          BIGINT       NOT NULL PRIMARY KEY,
    sop_id      VARCHAR(80),
    based_on    INTEGER,
    content     TEXT         NOT NULL,
    sla_policy  VARCHAR(40),
    author      VARCHAR(80)  NOT NULL,
    updated_at  TIMESTAMP    NOT NULL,
    row_version INTEGER      NOT NULL
);
CREATE INDEX ix_sop_draft_sop ON sop_draft (sop_id);
