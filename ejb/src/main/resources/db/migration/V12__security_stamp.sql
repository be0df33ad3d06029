-- A per-account security stamp (issue 7), changed with the roles, deactivation/reactivation and
-- password resets: sessions signed in with an older stamp are signed out on their next request.
-- (PostgreSQL also gets db/postgresql/V12_1, the audit trail's guard trigger.)
ALTER TABLE user_account ADD COLUMN security_stamp VARCHAR(40) DEFAULT 'inicial' NOT NULL;
