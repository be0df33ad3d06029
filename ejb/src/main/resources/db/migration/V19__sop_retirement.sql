-- Issue 21: an administrator retires a SOP (and may restore it). A retired SOP leaves the agents'
-- search and triage and takes no new walk or ticket; its versions stay for the tickets made with them.
-- One row per retired SOP, removed on restore (the audit trail keeps the history); never cached, so
-- every instance sees a retirement at once. The seed loader never writes here, so a retired seed SOP
-- stays retired across restarts.
CREATE TABLE sop_retirement (
    sop_id     VARCHAR(80)   NOT NULL PRIMARY KEY,
    reason     VARCHAR(1000) NOT NULL,
    retired_by VARCHAR(80)   NOT NULL,
    retired_at TIMESTAMP     NOT NULL
);
