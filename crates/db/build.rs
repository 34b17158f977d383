//! The migrations are embedded in the binary (`embed_migrations!`): a new or changed
//! migration must rebuild this crate, not only a change of its Rust files.
fn main() {
    println!("cargo:rerun-if-changed=../../migrations");
}
