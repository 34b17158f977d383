//! Requests to the town hall (demandes): procedures' form definitions, the answers a
//! citizen gives, the status workflow, and what the API returns.

pub mod dto;
pub mod form;
pub mod status;

pub use dto::*;
pub use form::{Choice, FieldDefinition, FieldKind, FormDefinition, FormStep};
pub use status::RequestStatus;
