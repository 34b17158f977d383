pub mod activation;
pub mod email_confirmation;
pub mod profile;
pub mod register;
