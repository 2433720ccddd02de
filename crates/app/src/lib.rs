//! The use cases of mentorat: what a visitor, a mentor, a porteur de projet, a
//! coordinator or the national team can do, independent of HTTP and of SQL.

pub mod accounts;
pub mod config;
pub mod demo;
pub mod passwords;
pub mod public;
pub mod territories;

pub use config::Settings;
pub use mentorat_store::{Backend, Store, StoreError, StoreOptions};

use std::sync::Arc;

/// Everything a use case needs, shared by every request. Cheap to clone.
#[derive(Clone)]
pub struct App {
    pub store: Store,
    pub settings: Arc<Settings>,
}

impl App {
    /// Connects to the configured database and applies pending migrations.
    pub async fn open(settings: Settings) -> Result<App, AppError> {
        let store = Store::connect(&settings.database_url, &StoreOptions::default()).await?;
        store.migrate().await?;
        Ok(App { store, settings: Arc::new(settings) })
    }
}

/// The error of a use case. The web layer shows `Invalid` and `NotFound` to the user
/// (in their language, from the key) and hides the cause of `Store` and `Internal`.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// Bad input; `key` names the message (a Fluent id), `field` the form field.
    #[error("invalid input: {key}")]
    Invalid { field: &'static str, key: &'static str },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}
