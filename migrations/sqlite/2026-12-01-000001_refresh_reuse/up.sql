-- Refresh tokens already exchanged: one presented again was copied, and its session ends.
CREATE TABLE used_refresh_tokens (
    refresh_hash TEXT PRIMARY KEY,
    session_id BIGINT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    used_at TIMESTAMP NOT NULL
);
CREATE INDEX used_refresh_tokens_session ON used_refresh_tokens (session_id);
