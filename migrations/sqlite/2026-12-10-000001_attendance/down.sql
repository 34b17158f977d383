CREATE TABLE health_access_log_next (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    household_id BIGINT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    request_id BIGINT REFERENCES requests (id) ON DELETE CASCADE,
    context TEXT NOT NULL,
    accessed_at TIMESTAMP NOT NULL,
    CONSTRAINT health_access_log_context_check CHECK (context IN ('request', 'household', 'document'))
);
INSERT INTO health_access_log_next (id, account_id, household_id, request_id, context, accessed_at)
    SELECT id, account_id, household_id, request_id, context, accessed_at FROM health_access_log
    WHERE context <> 'roster';
DROP TABLE health_access_log;
ALTER TABLE health_access_log_next RENAME TO health_access_log;
CREATE INDEX health_access_log_at ON health_access_log (accessed_at);
DROP TABLE attendances;
ALTER TABLE booking_events DROP COLUMN reason;
