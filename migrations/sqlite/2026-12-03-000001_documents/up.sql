-- Justificatifs: the documents a household provides (the file lives in the object store
-- under `object_key`; a replaced document stays as history), and the documents an agent
-- asked for on a request beyond what its procedure requires.

CREATE TABLE documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    household_id BIGINT NOT NULL REFERENCES households (id),
    person_id BIGINT REFERENCES persons (id),
    document_type TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'valid', 'refused')),
    file_kind TEXT NOT NULL CHECK (file_kind IN ('pdf', 'jpeg', 'png')),
    object_key TEXT NOT NULL UNIQUE,
    size_bytes BIGINT NOT NULL CHECK (size_bytes > 0),
    sha256 TEXT NOT NULL,
    document_date DATE,
    uploaded_by BIGINT NOT NULL REFERENCES accounts (id),
    uploaded_at TIMESTAMP NOT NULL,
    valid_until DATE,
    reviewed_by BIGINT REFERENCES accounts (id),
    reviewed_at TIMESTAMP,
    refusal_reason TEXT
);
CREATE INDEX documents_household ON documents (household_id, document_type);
CREATE INDEX documents_status ON documents (status, uploaded_at);

CREATE TABLE document_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id BIGINT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    document_type TEXT NOT NULL,
    person_id BIGINT REFERENCES persons (id),
    asked_by BIGINT NOT NULL REFERENCES accounts (id),
    asked_at TIMESTAMP NOT NULL
);
CREATE INDEX document_requests_request ON document_requests (request_id);
