//! Rebuilds the crate when a migration is added: `sqlx::migrate!` embeds the files it
//! finds, and cargo would otherwise not notice a new one (as sqlx's documentation says).
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
