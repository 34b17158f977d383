mod intro;
pub mod procedure;
