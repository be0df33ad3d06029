-- What the agent tried with the customer before escalating (the seeds' "solução"), asked on every
-- escalation from this version on. NULL on tickets stored before it (not asked then).
ALTER TABLE ticket ADD COLUMN tried_solution VARCHAR(2000);
