-- The agents' side of the Agenda: why an agent booked or cancelled for a family (past a
-- deadline), and the attendance of each booked child, which the Régie bills.
ALTER TABLE booking_events ADD COLUMN reason TEXT
    CONSTRAINT booking_events_reason_check CHECK (reason IS NULL OR reason <> '');

CREATE TABLE attendances (
    booking_id BIGINT PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE,
    attendance TEXT NOT NULL,
    reason TEXT,
    recorded_by BIGINT NOT NULL REFERENCES accounts (id),
    recorded_at TIMESTAMP NOT NULL,
    CONSTRAINT attendances_attendance_check
        CHECK (attendance IN ('present', 'late', 'absent_justified', 'absent_unjustified')),
    CONSTRAINT attendances_reason_check CHECK (reason IS NULL OR reason <> ''),
    CONSTRAINT attendances_unjustified_reason_check
        CHECK (attendance <> 'absent_unjustified' OR reason IS NOT NULL)
);

-- The health flags (PAI) of an agenda list reach agents with the health permission, and
-- each list shown is logged. SQLite changes a CHECK by rebuilding the table.
CREATE TABLE health_access_log_next (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    household_id BIGINT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    request_id BIGINT REFERENCES requests (id) ON DELETE CASCADE,
    context TEXT NOT NULL,
    accessed_at TIMESTAMP NOT NULL,
    CONSTRAINT health_access_log_context_check
        CHECK (context IN ('request', 'household', 'document', 'roster'))
);
INSERT INTO health_access_log_next (id, account_id, household_id, request_id, context, accessed_at)
    SELECT id, account_id, household_id, request_id, context, accessed_at FROM health_access_log;
DROP TABLE health_access_log;
ALTER TABLE health_access_log_next RENAME TO health_access_log;
CREATE INDEX health_access_log_at ON health_access_log (accessed_at);
