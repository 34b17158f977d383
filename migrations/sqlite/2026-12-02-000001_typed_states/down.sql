PRAGMA foreign_keys = OFF;
BEGIN;
-- procedures
CREATE TABLE procedures_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    category_id BIGINT NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
, description TEXT NOT NULL DEFAULT '', duration_minutes INTEGER, terms TEXT, kind TEXT NOT NULL DEFAULT 'generic', form TEXT NOT NULL DEFAULT '{"steps":[]}', archived BOOLEAN NOT NULL DEFAULT FALSE);
INSERT INTO procedures_new SELECT * FROM procedures;
DROP TABLE procedures;
ALTER TABLE procedures_new RENAME TO procedures;
CREATE INDEX procedures_category ON procedures (category_id);
-- persons
CREATE TABLE persons_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    civility TEXT NOT NULL,
    birth_name TEXT NOT NULL,
    usage_name TEXT,
    first_name TEXT NOT NULL,
    second_first_name TEXT,
    third_first_name TEXT,
    birth_date DATE,
    birth_country TEXT,
    birth_city TEXT,
    birth_department TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
, sex TEXT);
INSERT INTO persons_new SELECT * FROM persons;
DROP TABLE persons;
ALTER TABLE persons_new RENAME TO persons;
-- accounts
CREATE TABLE accounts_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id BIGINT NOT NULL REFERENCES persons (id),
    email TEXT NOT NULL,
    login TEXT,
    password_hash TEXT,
    role TEXT NOT NULL,
    status TEXT NOT NULL,
    terms_accepted_at TIMESTAMP NOT NULL,
    privacy_consent_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    activated_at TIMESTAMP, pending_email TEXT,
    CONSTRAINT accounts_email_key UNIQUE (email),
    CONSTRAINT accounts_login_key UNIQUE (login)
);
INSERT INTO accounts_new SELECT * FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_new RENAME TO accounts;
-- account_tokens
CREATE TABLE account_tokens_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO account_tokens_new SELECT * FROM account_tokens;
DROP TABLE account_tokens;
ALTER TABLE account_tokens_new RENAME TO account_tokens;
CREATE INDEX account_tokens_account ON account_tokens (account_id, purpose);
-- captcha_challenges
CREATE TABLE captcha_challenges_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    public_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    answer TEXT NOT NULL,
    salt TEXT,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO captcha_challenges_new SELECT * FROM captcha_challenges;
DROP TABLE captcha_challenges;
ALTER TABLE captcha_challenges_new RENAME TO captcha_challenges;
CREATE INDEX captcha_challenges_expiry ON captcha_challenges (expires_at);
-- household_members
CREATE TABLE household_members_new (
    household_id BIGINT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES persons (id),
    role TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (household_id, person_id)
);
INSERT INTO household_members_new SELECT * FROM household_members;
DROP TABLE household_members;
ALTER TABLE household_members_new RENAME TO household_members;
CREATE INDEX household_members_person ON household_members (person_id);
-- relations
CREATE TABLE relations_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    household_id BIGINT NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES persons (id),
    related_person_id BIGINT NOT NULL REFERENCES persons (id),
    role TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO relations_new SELECT * FROM relations;
DROP TABLE relations;
ALTER TABLE relations_new RENAME TO relations;
CREATE INDEX relations_household ON relations (household_id);
-- requests
CREATE TABLE requests_new (
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
INSERT INTO requests_new SELECT * FROM requests;
DROP TABLE requests;
ALTER TABLE requests_new RENAME TO requests;
CREATE INDEX requests_household ON requests (household_id);
CREATE INDEX requests_status ON requests (status, created_at);
-- request_events
CREATE TABLE request_events_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id BIGINT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    actor_account_id BIGINT REFERENCES accounts (id),
    from_status TEXT,
    to_status TEXT NOT NULL,
    comment TEXT,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO request_events_new SELECT * FROM request_events;
DROP TABLE request_events;
ALTER TABLE request_events_new RENAME TO request_events;
CREATE INDEX request_events_request ON request_events (request_id);
COMMIT;
PRAGMA foreign_keys = ON;
