//! "Mes demandes": the list, one request, and the form that makes or changes one.

pub mod detail;
pub mod edit;
pub mod my_requests;
