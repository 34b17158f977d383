-- Files attached to messages. An attachment is uploaded first (message_id empty, owned
-- by the account that uploaded it), then sent with a message; one never sent is
-- forgotten after a day. A family's attachment an agent files as a document keeps the
-- document it became.

CREATE TABLE message_attachments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id BIGINT REFERENCES messages (id) ON DELETE CASCADE,
    uploaded_by BIGINT NOT NULL REFERENCES accounts (id),
    file_name TEXT NOT NULL,
    file_kind TEXT NOT NULL CHECK (file_kind IN ('pdf', 'jpeg', 'png')),
    object_key TEXT NOT NULL UNIQUE,
    size_bytes BIGINT NOT NULL CHECK (size_bytes > 0),
    sha256 TEXT NOT NULL,
    uploaded_at TIMESTAMP NOT NULL,
    filed_document_id BIGINT REFERENCES documents (id)
);
CREATE INDEX message_attachments_message ON message_attachments (message_id);
CREATE INDEX message_attachments_unsent ON message_attachments (uploaded_by, message_id);
