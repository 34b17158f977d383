DROP TABLE document_requests;
DROP TABLE documents;
