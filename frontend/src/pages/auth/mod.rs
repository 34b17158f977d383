pub mod forgotten;
pub mod login;
pub mod reset;
