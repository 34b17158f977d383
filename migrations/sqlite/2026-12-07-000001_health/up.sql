-- Health information (RGPD art. 9). The answers of a child's accepted fiche that the form
-- marks `saved_as = "health"` (vaccination dates, allergies, treatment, doctor, PAI),
-- for a school year (a later fiche of the same year replaces them). Agents read them
-- only with the health permission an admin grants, and each reading is logged.
CREATE TABLE child_health (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    household_id BIGINT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    school_year TEXT NOT NULL CHECK (school_year LIKE '20__-20__'),
    position INTEGER NOT NULL,
    code TEXT NOT NULL CHECK (code <> ''),
    label TEXT NOT NULL CHECK (label <> ''),
    value TEXT NOT NULL,
    request_id BIGINT NOT NULL REFERENCES requests (id),
    recorded_at TIMESTAMP NOT NULL,
    UNIQUE (household_id, person_id, school_year, code)
);
CREATE INDEX child_health_person ON child_health (person_id);

-- What an admin allowed a staff account beyond its role.
CREATE TABLE staff_permissions (
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    permission TEXT NOT NULL,
    granted_by BIGINT NOT NULL REFERENCES accounts (id),
    granted_at TIMESTAMP NOT NULL,
    PRIMARY KEY (account_id, permission),
    CONSTRAINT staff_permissions_permission_check CHECK (permission IN ('health'))
);

-- Each time an agent was shown a household's health information: who, when, where.
CREATE TABLE health_access_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    household_id BIGINT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    request_id BIGINT REFERENCES requests (id) ON DELETE CASCADE,
    context TEXT NOT NULL,
    accessed_at TIMESTAMP NOT NULL,
    CONSTRAINT health_access_log_context_check CHECK (context IN ('request', 'household'))
);
CREATE INDEX health_access_log_at ON health_access_log (accessed_at);
