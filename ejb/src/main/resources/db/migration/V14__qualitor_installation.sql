-- Issue 15: the Qualitor installation's settings, edited by an administrator (MicroProfile Config
-- keys are their defaults; the password is never stored here).
CREATE TABLE qualitor_setting (
    setting_key    VARCHAR(80)  NOT NULL PRIMARY KEY,
    setting_value  VARCHAR(400) NOT NULL,
    updated_at     TIMESTAMP    NOT NULL,
    updated_by     VARCHAR(80)  NOT NULL
);

-- A category may name the Qualitor team (cdequipe) its demands are moved to; the ticket keeps the
-- team its category had when it was saved, and the move travels through the demand outbox.
ALTER TABLE category ADD COLUMN qualitor_team VARCHAR(20);
ALTER TABLE ticket ADD COLUMN class_qualitor_team VARCHAR(20);
ALTER TABLE demand_action ADD COLUMN target VARCHAR(20);

-- The same unexplained refusal for several tickets in a row pauses sending (one row, id 1): the
-- streak being counted, and the pause with Qualitor's own code and words.
CREATE TABLE qualitor_pause (
    id               INTEGER       NOT NULL PRIMARY KEY,
    streak_code      VARCHAR(40),
    streak_message   VARCHAR(1000),
    streak_count     INTEGER       NOT NULL,
    streak_tickets   VARCHAR(400),
    paused_at        TIMESTAMP,
    paused_code      VARCHAR(40),
    paused_message   VARCHAR(1000),
    probed_at        TIMESTAMP,
    updated_at       TIMESTAMP     NOT NULL
);
INSERT INTO qualitor_pause (id, streak_count, updated_at) VALUES (1, 0, CURRENT_TIMESTAMP);
