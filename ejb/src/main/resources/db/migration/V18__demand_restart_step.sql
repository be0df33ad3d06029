-- A restart may move its demand to the installation's workflow step (qualitor.restart-step) before
-- its history entry is written: the step it moves to is kept in target (as a transfer keeps its
-- team), and when the move was done, so that a retry of the history entry never moves it twice.
ALTER TABLE demand_action ADD COLUMN step_moved_at TIMESTAMP;
