-- "Mon enfant emprunte les transports scolaires": the morning and evening answers of the
-- child's accepted fiche for a school year (a later fiche of the same year replaces them).
CREATE TABLE child_transport (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    household_id BIGINT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    school_year TEXT NOT NULL CHECK (school_year LIKE '20__-20__'),
    morning BOOLEAN NOT NULL,
    evening BOOLEAN NOT NULL,
    request_id BIGINT NOT NULL REFERENCES requests (id),
    recorded_at TIMESTAMP NOT NULL,
    UNIQUE (household_id, person_id, school_year)
);
CREATE INDEX child_transport_person ON child_transport (person_id);
