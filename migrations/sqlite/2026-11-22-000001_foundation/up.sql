CREATE TABLE categories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    position INTEGER NOT NULL,
    name TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE procedures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    category_id BIGINT NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX procedures_category ON procedures (category_id);

CREATE TABLE persons (
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
);

CREATE TABLE accounts (
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
    activated_at TIMESTAMP,
    CONSTRAINT accounts_email_key UNIQUE (email),
    CONSTRAINT accounts_login_key UNIQUE (login)
);

CREATE TABLE account_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX account_tokens_account ON account_tokens (account_id, purpose);

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    refresh_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE login_throttles (
    identifier TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_started_at TIMESTAMP NOT NULL,
    locked_until TIMESTAMP
);

CREATE TABLE captcha_challenges (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    public_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    answer TEXT NOT NULL,
    salt TEXT,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX captcha_challenges_expiry ON captcha_challenges (expires_at);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP,
    last_error TEXT
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL;
