-- Messages between the town hall and a family, each tied to one of its requests.
-- `read_at` is when the recipient (the other side) opened it.

CREATE TABLE messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id BIGINT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    sender TEXT NOT NULL CHECK (sender IN ('town_hall', 'family')),
    author_account_id BIGINT REFERENCES accounts (id),
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    read_at TIMESTAMP
);
CREATE INDEX messages_request ON messages (request_id, created_at);
CREATE INDEX messages_unread ON messages (sender, read_at);
