//! Password hashing, random tokens and signed access tokens.

pub mod jwt;
pub mod password;
pub mod tokens;
