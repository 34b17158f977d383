-- The Agenda: a person's bookings of an activity's unit for a day. At most one live
-- booking (booked or waiting) per person, unit and day; a cancelled one stays, as history.
CREATE TABLE bookings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    household_id BIGINT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    activity TEXT NOT NULL CHECK (activity <> ''),
    unit TEXT NOT NULL CHECK (unit <> ''),
    day DATE NOT NULL,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CONSTRAINT bookings_status_check CHECK (status IN ('booked', 'waiting', 'cancelled'))
);
CREATE UNIQUE INDEX bookings_live ON bookings (person_id, activity, unit, day)
    WHERE status <> 'cancelled';
CREATE INDEX bookings_person_day ON bookings (person_id, day);
CREATE INDEX bookings_unit_day ON bookings (activity, unit, day, status);

-- Places taken per unit and day: a booking takes one with a conditional update of this
-- row, so that exactly the capacity is booked whatever arrives at once.
CREATE TABLE unit_days (
    activity TEXT NOT NULL,
    unit TEXT NOT NULL,
    day DATE NOT NULL,
    booked INTEGER NOT NULL CHECK (booked >= 0),
    PRIMARY KEY (activity, unit, day)
);

-- "Historique des actions": each booking, cancellation and promotion, by whom.
CREATE TABLE booking_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    booking_id BIGINT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    household_id BIGINT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    author_id BIGINT REFERENCES accounts (id),
    by_agent BOOLEAN NOT NULL,
    at TIMESTAMP NOT NULL,
    CONSTRAINT booking_events_action_check CHECK (action IN ('add', 'cancel', 'promote'))
);
CREATE INDEX booking_events_person ON booking_events (person_id, at);
