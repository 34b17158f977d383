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
-- each list shown is logged.
ALTER TABLE health_access_log DROP CONSTRAINT health_access_log_context_check;
ALTER TABLE health_access_log ADD CONSTRAINT health_access_log_context_check
    CHECK (context IN ('request', 'household', 'document', 'roster'));
