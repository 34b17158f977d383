DELETE FROM health_access_log WHERE context = 'roster';
ALTER TABLE health_access_log DROP CONSTRAINT health_access_log_context_check;
ALTER TABLE health_access_log ADD CONSTRAINT health_access_log_context_check
    CHECK (context IN ('request', 'household', 'document'));
DROP TABLE attendances;
ALTER TABLE booking_events DROP COLUMN reason;
