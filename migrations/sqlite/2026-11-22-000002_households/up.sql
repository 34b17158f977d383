-- Households (foyers), their members, contacts, addresses, social data, relations and
-- school enrolments. A person may belong to two households (separated parents): what is
-- about the person (civil data, school) is shared; what is about a household (members,
-- relations, social data) is not.

ALTER TABLE persons ADD COLUMN sex TEXT;

CREATE TABLE households (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    holder_person_id BIGINT NOT NULL UNIQUE REFERENCES persons (id),
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE household_members (
    household_id BIGINT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES persons (id),
    role TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (household_id, person_id)
);
CREATE INDEX household_members_person ON household_members (person_id);

CREATE TABLE contacts (
    person_id BIGINT PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
    landline TEXT,
    mobile TEXT,
    work_phone TEXT,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE addresses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    city TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    street_number TEXT,
    street_number_complement TEXT,
    street TEXT NOT NULL,
    street_complement TEXT,
    is_default BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX addresses_person ON addresses (person_id);

CREATE TABLE household_social_data (
    household_id BIGINT PRIMARY KEY REFERENCES households (id) ON DELETE CASCADE,
    regime TEXT,
    reference_tax_income BIGINT,
    dependent_children INTEGER,
    caf_holder_name TEXT,
    caf_number TEXT,
    quotient INTEGER,
    monthly_income BIGINT,
    family_composition TEXT,
    family_quotient INTEGER,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE relations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    household_id BIGINT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES persons (id),
    related_person_id BIGINT NOT NULL REFERENCES persons (id),
    role TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX relations_household ON relations (household_id);

CREATE TABLE school_enrolments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    school_year TEXT NOT NULL,
    establishment TEXT NOT NULL,
    level TEXT NOT NULL,
    class_name TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX school_enrolments_person ON school_enrolments (person_id);

-- Every existing account holder gets a household.
INSERT INTO households (holder_person_id, created_at)
SELECT person_id, created_at FROM accounts WHERE status = 'active';
INSERT INTO household_members (household_id, person_id, role, created_at)
SELECT id, holder_person_id, 'account_holder', created_at FROM households;
