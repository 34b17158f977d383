//! API tests. Each test starts its own portal on its own database; run them against
//! PostgreSQL with `GUICHET_TEST_DATABASE_URL=postgres://...` (see README).

mod abuse;
mod accounts;
mod agent;
mod attachments;
mod catalogue;
mod changes;
mod clients;
mod contract;
mod contract_attachments;
mod contract_documents;
mod document_abuse;
mod document_queue;
mod document_types;
mod documents;
mod email;
mod errors;
mod fiche_enfant;
mod fiche_hesdigneul;
mod form_conditions;
mod headers;
mod health;
mod library;
mod limits;
mod login;
mod messages;
mod openapi;
mod pictures;
mod profile;
mod recovery;
mod refresh_cookie;
mod requests;
mod staff;
mod strict;
mod sweep;
mod typed_states;
