-- A household's calendar feed of its bookings: a secret address (only its SHA-256 is
-- kept) a phone's calendar subscribes to; a new one replaces it, deleting revokes it.
CREATE TABLE calendar_feeds (
    household_id BIGINT PRIMARY KEY REFERENCES households (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_at TIMESTAMP NOT NULL
);
