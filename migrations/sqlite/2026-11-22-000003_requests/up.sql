-- Procedures carry their description page and form; requests (demandes) carry a number,
-- the answers and a status history.

ALTER TABLE procedures ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE procedures ADD COLUMN duration_minutes INTEGER;
ALTER TABLE procedures ADD COLUMN terms TEXT;
ALTER TABLE procedures ADD COLUMN kind TEXT NOT NULL DEFAULT 'generic';
ALTER TABLE procedures ADD COLUMN form TEXT NOT NULL DEFAULT '{"steps":[]}';

CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('request_number', 0);

CREATE TABLE requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    number BIGINT NOT NULL UNIQUE,
    procedure_id BIGINT NOT NULL REFERENCES procedures (id),
    household_id BIGINT NOT NULL REFERENCES households (id),
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    person_id BIGINT REFERENCES persons (id),
    status TEXT NOT NULL,
    answers TEXT NOT NULL,
    agent_account_id BIGINT REFERENCES accounts (id),
    refusal_reason TEXT,
    created_at TIMESTAMP NOT NULL,
    submitted_at TIMESTAMP,
    updated_at TIMESTAMP NOT NULL,
    closed_at TIMESTAMP
);
CREATE INDEX requests_household ON requests (household_id);
CREATE INDEX requests_status ON requests (status, created_at);

CREATE TABLE request_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id BIGINT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    actor_account_id BIGINT REFERENCES accounts (id),
    from_status TEXT,
    to_status TEXT NOT NULL,
    comment TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX request_events_request ON request_events (request_id);
