-- Documents that are health information (the vaccination pages, the PAI): an agent's
-- look at their file is logged too.
ALTER TABLE health_access_log DROP CONSTRAINT health_access_log_context_check;
ALTER TABLE health_access_log ADD CONSTRAINT health_access_log_context_check
    CHECK (context IN ('request', 'household', 'document'));
