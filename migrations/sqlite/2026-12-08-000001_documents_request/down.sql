DROP INDEX documents_request;
ALTER TABLE documents DROP COLUMN request_id;
