-- Qualitor may announce that a demand changed (POST /api/qualitor/demand-changed): the clock keeps
-- when, until a read of Qualitor that started after it answers it, so retries of the call cost no
-- second read and a read already under way when the change came does not count as its answer.
ALTER TABLE sla_clock ADD COLUMN change_announced_at TIMESTAMP;
