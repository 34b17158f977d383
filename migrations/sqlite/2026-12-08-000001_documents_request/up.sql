-- A child's document uploaded in a fiche enfant for a child not yet in the household
-- waits on that request (no person yet); accepting the fiche gives it the child. Kept
-- afterwards: the fiche the document was provided with.
ALTER TABLE documents ADD COLUMN request_id BIGINT REFERENCES requests (id) ON DELETE SET NULL;
CREATE INDEX documents_request ON documents (request_id);
