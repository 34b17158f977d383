pub mod activation;
pub mod profile;
pub mod register;
