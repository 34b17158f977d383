PRAGMA foreign_keys = OFF;
BEGIN;
DROP TABLE child_authorisations;
DROP TABLE child_contacts;
DROP TABLE enrolments;
CREATE TABLE procedures_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    category_id BIGINT NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
, description TEXT NOT NULL DEFAULT '', duration_minutes INTEGER, terms TEXT, kind TEXT NOT NULL DEFAULT 'generic', form TEXT NOT NULL DEFAULT '{"steps":[]}', archived BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT procedures_kind_check CHECK (kind IN ('generic', 'personal_data_update', 'social_data_update', 'household_member_addition'))
);
INSERT INTO procedures_new SELECT * FROM procedures;
DROP TABLE procedures;
ALTER TABLE procedures_new RENAME TO procedures;
CREATE INDEX procedures_category ON procedures (category_id);
COMMIT;
PRAGMA foreign_keys = ON;
