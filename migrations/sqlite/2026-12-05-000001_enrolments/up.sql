-- The fiche enfant (procedure kind child_registration) and what its acceptance records:
-- the child's enrolments in the commune's activities for a school year, per household
-- (separated parents each keep their own). SQLite changes a CHECK only by rebuilding
-- the table, with foreign keys off (run_in_transaction = false, our own transaction).
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE procedures_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    category_id BIGINT NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
, description TEXT NOT NULL DEFAULT '', duration_minutes INTEGER, terms TEXT, kind TEXT NOT NULL DEFAULT 'generic', form TEXT NOT NULL DEFAULT '{"steps":[]}', archived BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT procedures_kind_check CHECK (kind IN ('generic', 'personal_data_update', 'social_data_update', 'household_member_addition', 'child_registration'))
);
INSERT INTO procedures_new SELECT * FROM procedures;
DROP TABLE procedures;
ALTER TABLE procedures_new RENAME TO procedures;
CREATE INDEX procedures_category ON procedures (category_id);
CREATE TABLE enrolments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    household_id BIGINT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    activity TEXT NOT NULL CHECK (activity <> ''),
    school_year TEXT NOT NULL CHECK (school_year LIKE '20__-20__'),
    request_id BIGINT REFERENCES requests (id),
    created_at TIMESTAMP NOT NULL,
    UNIQUE (household_id, person_id, activity, school_year)
);
CREATE INDEX enrolments_person ON enrolments (person_id);

-- Persons to contact and/or authorised to pick the child up, and the authorisations the
-- family gave, as the accepted fiche gave them for that school year (a later fiche of the
-- same year replaces them).
CREATE TABLE child_contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    household_id BIGINT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    school_year TEXT NOT NULL CHECK (school_year LIKE '20__-20__'),
    position INTEGER NOT NULL,
    last_name TEXT NOT NULL CHECK (last_name <> ''),
    first_name TEXT NOT NULL CHECK (first_name <> ''),
    relation TEXT NOT NULL CHECK (relation <> ''),
    phone TEXT NOT NULL CHECK (phone <> ''),
    other_phone TEXT,
    pickup BOOLEAN NOT NULL,
    emergency BOOLEAN NOT NULL,
    request_id BIGINT NOT NULL REFERENCES requests (id),
    created_at TIMESTAMP NOT NULL,
    UNIQUE (household_id, person_id, school_year, position)
);
CREATE INDEX child_contacts_person ON child_contacts (person_id);
CREATE TABLE child_authorisations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    household_id BIGINT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    school_year TEXT NOT NULL CHECK (school_year LIKE '20__-20__'),
    code TEXT NOT NULL CHECK (code <> ''),
    wording TEXT NOT NULL CHECK (wording <> ''),
    granted BOOLEAN NOT NULL,
    given_at TIMESTAMP NOT NULL,
    request_id BIGINT NOT NULL REFERENCES requests (id),
    UNIQUE (household_id, person_id, school_year, code)
);
CREATE INDEX child_authorisations_person ON child_authorisations (person_id);
COMMIT;
PRAGMA foreign_keys = ON;
